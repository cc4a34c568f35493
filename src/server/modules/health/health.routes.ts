import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';

const HealthResponse = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['down']).optional() });

export async function healthRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: '健康检查', response: { 200: HealthResponse, 503: HealthResponse } },
    },
    async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'degraded' as const, database: 'down' as const });
      }
    },
  );
}
