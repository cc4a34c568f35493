import type { Selectable } from 'kysely';
import type { ChainEntry } from '../../../core/audit/chain.ts';

/**
 * The append-only audit log: exactly the fields the hash chain covers, plus the hash. `seq` is
 * assigned by the appender (last + 1, under a lock) so the chain order is the same on both
 * databases; `summary` is JSON (what changed, never secrets or contact details); `result` is
 * success | failure | denied.
 */
export interface AuditTable extends ChainEntry {
  hash: string;
}

export type AuditRow = Selectable<AuditTable>;
