import { type ChainProblem, chainVerifier } from '../../../core/audit/chain.ts';
import { fromJson } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';

const PAGE = 5_000;

/**
 * Re-hashes the whole audit chain in seq order, a page at a time, and reports the first entry that
 * was changed, deleted or reordered (a deletion shows as a gap, a reordering as a broken link).
 */
export async function verifyAuditLog(ctx: Pick<AppContext, 'db' | 'auditHash'>): Promise<{ checked: number; problem: ChainProblem | null }> {
  const verifier = chainVerifier(ctx.auditHash);
  let after = 0;
  for (;;) {
    const page = await ctx.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    for (const row of page) {
      const problem = verifier.push({ ...row, seq: Number(row.seq), summary: fromJson<unknown>(row.summary) });
      if (problem) return { checked: verifier.checked, problem };
    }
    if (page.length < PAGE) return { checked: verifier.checked, problem: null };
    after = Number(page.at(-1)!.seq);
  }
}
