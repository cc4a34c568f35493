import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { PackOut, PackParams, PackSummary, presentPackSummary } from './pack.schema.ts';

const tags = ['packs'];

// Packs are the same for every user (they describe the system, not anyone's data), so any
// logged-in user may read them; they change only with a restart.
export async function packRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/packs',
    { config: { access: 'authenticated' }, schema: { tags, summary: '已加载的制度包', response: { 200: z.array(PackSummary) } } },
    async () => ctx.packs.all().map(presentPackSummary),
  );

  app.get(
    '/api/packs/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: '制度包详情（记录类型、规则、指标、责任清单）', params: PackParams, response: { 200: PackOut } },
    },
    async (request) => {
      const pack = ctx.packs.get(request.params.id);
      if (!pack) throw notFound('制度包');
      return pack;
    },
  );
}
