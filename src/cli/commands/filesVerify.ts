import { chinaToday } from '../../core/compliance/period.ts';
import { reportIntegrity, verifyStoredFiles } from '../../server/modules/ledger/integrity.job.ts';
import { now } from '../../server/platform/clock.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { EXIT, json, line } from '../io.ts';

export const filesVerifyCommand = defineCommand({
  name: 'files verify',
  summary: 're-hash every stored evidence file against its SM3 (the nightly check, now)',
  usage: `Usage: lvzhi files verify [--json]

Re-hashes every stored file the ledger's attachments (evidence, submitted reports) cite and reports
those missing or changed, as the server's nightly check does: each problem is audited as
file.integrity, the run as file.verify, and the system and security administrators are notified.

Exit status: 0 when every file is intact, 4 when one is missing or changed, 1 when the check could
not run.

Options:
  --json   print {"ok", "files", "attachments", "problems": [{"sm3", "problem", "attachments": [{"id", "name", "orgId"}]}]}
`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const report = await withSession(io, { mustExist: true }, async ({ ctx, actor }) => {
      const result = await verifyStoredFiles(ctx);
      await reportIntegrity(ctx, actor, result, chinaToday(now()));
      return result;
    });
    const ok = report.problems.length === 0;
    if (values.json) json(io, { ok, ...report });
    else {
      for (const p of report.problems) {
        line(io, `${p.problem.toUpperCase()} ${p.sm3}: ${p.attachments.map((a) => `${a.name} (${a.id})`).join(', ')}`);
      }
      line(io, ok ? `files OK: ${report.files} files (${report.attachments} attachments)` : `files BROKEN: ${report.problems.length} of ${report.files} files missing or changed`);
    }
    return ok ? EXIT.ok : EXIT.filesBroken;
  },
});
