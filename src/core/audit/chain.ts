/** The fields of an audit entry that its hash covers (everything but the hash itself). */
export interface ChainEntry {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  org_id: string | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  summary: unknown;
  result: string;
  prev_hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level. PostgreSQL's jsonb does not keep key order, so the
 * hash must not depend on it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The exact bytes hashed for one entry. */
export function chainMessage(e: ChainEntry): string {
  return canonicalJson([e.seq, e.at, e.actor_id, e.actor_name, e.org_id, e.ip, e.action, e.target_type, e.target_id,
    e.summary, e.result, e.prev_hash]);
}

export interface ChainProblem {
  seq: number;
  reason: 'changed' | 'missing_before' | 'reordered' | 'broken_link';
  message: string;
}

/**
 * Checks entries one at a time, in storage order, so a long log can be streamed through it.
 * `push` returns the first problem: an entry that was changed, follows a deleted entry, or is out
 * of order. `hash` is SM3 or HMAC-SM3, supplied by the caller (core stays pure).
 */
export function chainVerifier(hash: (message: string) => string) {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  return {
    get checked() {
      return checked;
    },
    push(e: ChainEntry & { hash: string }): ChainProblem | null {
      if (e.seq <= prevSeq) {
        return { seq: e.seq, reason: 'reordered', message: `entry ${e.seq} comes after entry ${prevSeq}` };
      }
      if (e.seq !== prevSeq + 1) {
        return { seq: e.seq, reason: 'missing_before', message: `entries ${prevSeq + 1}..${e.seq - 1} are missing` };
      }
      if (hash(chainMessage(e)) !== e.hash) {
        return { seq: e.seq, reason: 'changed', message: `entry ${e.seq} does not match its hash` };
      }
      if (e.prev_hash !== prevHash) {
        return { seq: e.seq, reason: 'broken_link', message: `entry ${e.seq} does not link to entry ${prevSeq}` };
      }
      prevHash = e.hash;
      prevSeq = e.seq;
      checked++;
      return null;
    },
  };
}

/** Verifies a whole chain held in memory. */
export function verifyChain(
  entries: Iterable<ChainEntry & { hash: string }>,
  hash: (message: string) => string,
): { checked: number; problem: ChainProblem | null } {
  const verifier = chainVerifier(hash);
  for (const e of entries) {
    const problem = verifier.push(e);
    if (problem) return { checked: verifier.checked, problem };
  }
  return { checked: verifier.checked, problem: null };
}
