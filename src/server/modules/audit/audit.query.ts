import { z } from 'zod';
import { auditActionLabel } from '../../../core/audit/actions.ts';
import { type Db, fromJson } from '../../db/database.ts';
import { containsText, pageOf } from '../../platform/listQuery.ts';

const isoDateTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), '不是有效的日期时间');

export const AuditFilter = z.object({
  from: isoDateTime.optional().describe('起始时间（含），ISO 8601'),
  to: isoDateTime.optional().describe('截止时间（不含），ISO 8601'),
  actor: z.string().trim().max(64).optional().describe('操作人用户名（包含）'),
  action: z.string().trim().max(64).optional().describe('操作类型'),
  result: z.enum(['success', 'failure', 'denied']).optional().describe('结果'),
  targetId: z.string().trim().max(100).optional().describe('对象ID'),
  q: z.string().trim().max(100).optional().describe('在操作人、对象ID、操作类型中搜索'),
});
export type AuditFilterInput = z.infer<typeof AuditFilter>;

export const AuditListQuery = AuditFilter.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  order: z.enum(['asc', 'desc']).default('desc').describe('按序号排序方向'),
});

export const AuditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  summary: z.unknown(),
  result: z.string(),
});
export type AuditEntryDto = z.infer<typeof AuditEntry>;

/** The auditor sees the whole log: the audit log is not scoped to an org subtree. */
export function filteredAudit(db: Db, f: AuditFilterInput) {
  let q = db.selectFrom('audit_log').leftJoin('org', 'org.id', 'audit_log.org_id');
  if (f.from) q = q.where('audit_log.at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('audit_log.at', '<', new Date(f.to).toISOString());
  if (f.actor) q = q.where(containsText('audit_log.actor_name', f.actor));
  if (f.action) q = q.where('audit_log.action', '=', f.action);
  if (f.result) q = q.where('audit_log.result', '=', f.result);
  if (f.targetId) q = q.where('audit_log.target_id', '=', f.targetId);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([containsText('audit_log.actor_name', text), containsText('audit_log.target_id', text), containsText('audit_log.action', text)]),
    );
  }
  return q;
}

export const AUDIT_COLUMNS = [
  'audit_log.seq', 'audit_log.at', 'audit_log.actor_id', 'audit_log.actor_name', 'audit_log.org_id', 'org.name as org_name',
  'audit_log.ip', 'audit_log.action', 'audit_log.target_type', 'audit_log.target_id', 'audit_log.summary', 'audit_log.result',
] as const;

type Row = {
  seq: number | string; at: string; actor_id: string | null; actor_name: string | null; org_id: string | null; org_name: string | null;
  ip: string | null; action: string; target_type: string | null; target_id: string | null; summary: unknown; result: string;
};

export function presentAudit(r: Row): AuditEntryDto {
  return {
    seq: Number(r.seq), at: r.at, actorId: r.actor_id, actorName: r.actor_name, orgId: r.org_id, orgName: r.org_name, ip: r.ip,
    action: r.action, actionLabel: auditActionLabel(r.action), targetType: r.target_type, targetId: r.target_id,
    summary: fromJson<unknown>(r.summary), result: r.result,
  };
}

export async function listAudit(db: Db, query: z.infer<typeof AuditListQuery>): Promise<{ items: AuditEntryDto[]; total: number }> {
  const q = filteredAudit(db, query);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const { limit, offset } = pageOf(query);
  const rows = await q.select(AUDIT_COLUMNS).orderBy('audit_log.seq', query.order).limit(limit).offset(offset).execute();
  return { items: rows.map(presentAudit), total: Number(n) };
}
