import { sql, type Transaction } from 'kysely';
import { chainMessage, GENESIS_HASH, type ChainEntry } from '../../../core/audit/chain.ts';
import { type Database, toJson } from '../../db/database.ts';
import type { AppContext, Actor } from '../../platform/context.ts';
import { nowIso } from '../../platform/clock.ts';

export interface AuditInput {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** What changed. Never passwords, tokens or contact details. */
  summary?: Record<string, unknown>;
  result?: 'success' | 'failure' | 'denied';
  /** Org the entry concerns; defaults to the actor's org. */
  orgId?: string | null;
}

// Any constant works: it only has to be the same in every process appending to the chain.
const AUDIT_LOCK_KEY = 0x6c767a68;

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry exists exactly
 * when the change it describes does. On PostgreSQL an advisory lock serializes appenders across
 * processes; SQLite has one writer at a time anyway.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  ctx: Pick<AppContext, 'dialect' | 'auditHash'>,
  actor: Actor | null,
  input: AuditInput,
): Promise<number> {
  if (ctx.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const entry: ChainEntry = {
    seq: (last ? Number(last.seq) : 0) + 1,
    at: nowIso(),
    actor_id: actor?.userId || null,
    actor_name: actor ? actor.username : null,
    org_id: input.orgId !== undefined ? input.orgId : actor?.orgId || null,
    ip: actor?.ip ?? null,
    action: input.action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    summary: input.summary ?? {},
    result: input.result ?? 'success',
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = ctx.auditHash(chainMessage(entry));
  await trx.insertInto('audit_log').values({ ...entry, summary: toJson(entry.summary), hash }).execute();
  return entry.seq;
}

/** Runs `fn` in a transaction and appends its audit entry in the same transaction. */
export async function auditedWrite<T>(
  ctx: AppContext,
  actor: Actor,
  fn: (trx: Transaction<Database>) => Promise<{ result: T; audit: AuditInput }>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const { result, audit } = await fn(trx);
    await appendAudit(trx, ctx, actor, audit);
    return result;
  });
}

/** Appends an entry on its own (login attempts, denials): nothing else is written with it. */
export async function recordAudit(ctx: AppContext, actor: Actor | null, input: AuditInput): Promise<void> {
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx, actor, input));
}

