import { performance } from 'node:perf_hooks';
import type { DbHandle } from '../src/server/db/database.ts';
import { loadFacts } from '../src/server/modules/report/report.facts.ts';
import { createReport } from '../src/server/modules/report/report.service.ts';
import { reportDocx } from '../src/server/modules/report/reportExport.service.ts';
import { resolvePeriod } from '../src/core/report/draftPeriod.ts';
import { draft } from '../src/core/report/draft.ts';
import type { AppContext } from '../src/server/platform/context.ts';
import { systemActor } from '../src/server/platform/context.ts';
import { figure } from './measure.ts';

// The reports' figures: drafting the `annual_report` template of the ideology pack for the top org
// of a dataset and a year — createReport, the service behind POST /api/reports: the ledger's facts
// (every metric, record list, rule status and unit's overdue rule), the draft, and storing it with
// its provenance (every record id behind every figure) in one audited transaction — and the DOCX
// of the stored draft (reportDocx, the service behind GET /api/reports/:id/docx). The drafts the
// bench makes are deleted again; their audit entries stay, as the audit log keeps everything.

const actor = systemActor('bench');
const TEMPLATE = 'annual_report';

const median = (list: readonly number[]) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)]!;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

async function deleteDrafts(handle: DbHandle, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await handle.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('report_version').where('draft_id', 'in', [...ids]).execute();
    await trx.deleteFrom('report_generation').where('draft_id', 'in', [...ids]).execute();
    await trx.deleteFrom('report_draft').where('id', 'in', [...ids]).execute();
  });
}

/** Where the time of one draft goes (facts, drafting), for the progress notes: medians of `runs`. */
async function breakdown(ctx: AppContext, orgId: string, year: number, runs: number): Promise<string> {
  const pack = ctx.packs.get('ideology')!;
  const template = pack.templates.find((t) => t.id === TEMPLATE)!;
  const org = await ctx.db.selectFrom('org').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow();
  const period = resolvePeriod({ kind: 'year', year });
  if (typeof period === 'string') throw new Error(period);
  const facts: number[] = [];
  const drafting: number[] = [];
  let records = 0;
  for (let i = 0; i < runs; i++) {
    const [f, loaded] = await timed(() => loadFacts(ctx, { pack, template, org, period, issueDate: `${year + 1}-01-10` }));
    const [d, result] = await timed(async () => draft(template, loaded));
    facts.push(f);
    drafting.push(d);
    records = new Set(Object.values(result.provenance).flatMap((p) => p.recordIds)).size;
  }
  return `facts ${median(facts).toFixed(0)} ms, drafting ${median(drafting).toFixed(0)} ms, ${records} distinct records behind the figures`;
}

/**
 * Drafts the annual report of `orgId` for `year` `runs` times after a warm-up; prints the median
 * as `report.<db>.<name>_ms`; with `yardstick`, the ratio to that operation's median, timed turn
 * about; with `docx`, the median time of the stored draft's DOCX.
 */
export async function benchReport(ctx: AppContext, handle: DbHandle, q: { db: string; name: string; orgId: string; year: number; runs: number; docx?: boolean; yardstick?: { name: string; run: () => Promise<unknown> } }, log: (line: string) => void): Promise<void> {
  const created: string[] = [];
  try {
    const once = async () => {
      const report = await createReport(ctx, actor, { orgId: q.orgId, packId: 'ideology', templateId: TEMPLATE, period: { kind: 'year', year: q.year }, issueDate: `${q.year + 1}-01-10` });
      created.push(report.id);
      return report;
    };
    const first = await once(); // warm-up: statement cache, page cache, JIT
    const times: number[] = [];
    const yardstick: number[] = [];
    for (let i = 0; i < q.runs; i++) {
      times.push((await timed(once))[0]);
      // Timed turn about with the draft, so that background load hits both alike.
      if (q.yardstick) yardstick.push((await timed(q.yardstick.run))[0]);
    }
    log(`# report ${q.db} ${q.name}: ${Object.keys(first.provenance).length} figures and lists, ${first.omitted.length} sentences left out; ${await breakdown(ctx, q.orgId, q.year, 3)}`);
    figure(`report.${q.db}.${q.name}_ms`, median(times), 'ms');
    if (q.yardstick) figure(`report.${q.db}.${q.name}_ratio_to_${q.yardstick.name}`, median(times) / median(yardstick), 'x');
    if (q.docx) {
      await reportDocx(ctx, actor, first.id);
      const docx: number[] = [];
      let bytes = 0;
      for (let i = 0; i < q.runs; i++) {
        const [ms, file] = await timed(() => reportDocx(ctx, actor, first.id));
        docx.push(ms);
        bytes = file.bytes.length;
      }
      log(`# report ${q.db} docx: ${(bytes / 1024).toFixed(0)} KiB`);
      figure(`report.${q.db}.docx_ms`, median(docx), 'ms');
    }
  } finally {
    await deleteDrafts(handle, created);
  }
}
