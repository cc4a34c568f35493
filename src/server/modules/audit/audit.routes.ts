import { z } from 'zod';
import { AUDIT_ACTION_LABELS } from '../../../core/audit/actions.ts';
import type { App } from '../../app.ts';
import { nowIso } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { recordAudit } from './audit.repository.ts';
import { exportAudit } from './audit.export.ts';
import { AuditEntry, AuditFilter, AuditListQuery, listAudit } from './audit.query.ts';
import { verifyAuditLog } from './audit.verify.ts';

const tags = ['audit'];

const VerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  problem: z.object({ seq: z.number(), reason: z.string(), message: z.string() }).nullable(),
});

// Only the audit administrator reaches these routes (permission audit.read), and their own reading
// is itself audited.
export async function auditRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/audit',
    { config: { access: 'audit.read' }, schema: { tags, summary: '审计日志', querystring: AuditListQuery, response: { 200: listOf(AuditEntry) } } },
    async (request) => {
      const result = await listAudit(ctx.db, request.query);
      await recordAudit(ctx, actorOf(request), { action: 'audit.read', summary: { filter: request.query, total: result.total } });
      return result;
    },
  );

  app.get(
    '/api/audit/actions',
    {
      config: { access: 'audit.read' },
      schema: { tags, summary: '日志中出现过的操作类型', response: { 200: z.array(z.object({ action: z.string(), label: z.string() })) } },
    },
    async () => {
      const rows = await ctx.db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return rows.map(({ action }) => ({ action, label: AUDIT_ACTION_LABELS[action] ?? action }));
    },
  );

  app.get(
    '/api/audit/export',
    {
      config: { access: 'audit.read' },
      schema: { tags, summary: '导出审计日志（xlsx 或 csv）', querystring: AuditFilter.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }) },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      await recordAudit(ctx, actorOf(request), { action: 'audit.export', summary: { filter, format } });
      const name = `审计日志-${nowIso().slice(0, 10)}.${format}`;
      reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      return reply.send(exportAudit(ctx.db, filter, format));
    },
  );

  app.get(
    '/api/audit/verify',
    { config: { access: 'audit.read' }, schema: { tags, summary: '校验审计日志哈希链', response: { 200: VerifyResult } } },
    async (request) => {
      const { checked, problem } = await verifyAuditLog(ctx);
      await recordAudit(ctx, actorOf(request), { action: 'audit.verify', result: problem ? 'failure' : 'success', summary: { checked, problem } });
      return { ok: problem === null, checked, problem };
    },
  );
}
