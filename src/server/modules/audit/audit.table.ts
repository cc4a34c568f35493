import type { Selectable } from 'kysely';

/**
 * The append-only audit log. `seq` is assigned by the appender (last + 1, under a lock) so the
 * chain order is the same on both databases; `hash` covers every other column and `prev_hash`.
 */
export interface AuditTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  org_id: string | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON: what changed, with secrets and personal contact data left out. */
  summary: unknown;
  /** success | failure | denied */
  result: string;
  prev_hash: string;
  hash: string;
}

export type AuditRow = Selectable<AuditTable>;
