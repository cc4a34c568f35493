import fs from 'node:fs';
import path from 'node:path';
import { isIsoDate } from '../../core/ledger/dates.ts';
import { type PeriodRequest, resolvePeriod } from '../../core/report/draftPeriod.ts';
import { createReport } from '../../server/modules/report/report.service.ts';
import { reportDocx } from '../../server/modules/report/reportExport.service.ts';
import { AppError } from '../../server/platform/errors.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { CliError, EXIT, json, line, UsageError } from '../io.ts';
import { resolveOrg } from '../orgs.ts';

// `lvzhi report draft`: the same draft the web app's 起草报告 makes — stored (version 1, audited as
// report.create by the actor "cli"), so that its figures can be traced, edited, approved and
// submitted in the browser — and its DOCX written to a file. docs/reports.md explains the choice.

/** `2022`, `2022-H1`, `2022-Q3` or `2022-01-01..2022-06-30` as the period the service takes. */
export function parsePeriod(text: string): PeriodRequest {
  const trimmed = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(trimmed))) return { kind: 'year', year: Number(m[1]) };
  if ((m = /^(\d{4})-H([12])$/i.exec(trimmed))) return { kind: 'half_year', year: Number(m[1]), half: Number(m[2]) };
  if ((m = /^(\d{4})-Q([1-4])$/i.exec(trimmed))) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(trimmed))) return { kind: 'range', from: m[1], to: m[2] };
  throw new UsageError(`--period "${text}" is not a period: write 2022, 2022-H1, 2022-Q3 or 2022-01-01..2022-06-30`);
}

/** The output file, checked before anything is drafted: its folder exists and takes files. */
function outputFile(out: string): string {
  const file = path.resolve(out);
  if (path.extname(file).toLowerCase() !== '.docx') throw new UsageError(`--out ${out}: the file name must end in .docx`);
  const dir = path.dirname(file);
  try {
    if (!fs.statSync(dir).isDirectory()) throw new CliError(`cannot write ${file}: ${dir} is not a folder`);
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new CliError(`cannot write ${file}: it is a folder`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot write ${file}: ${code === 'ENOENT' ? `no folder ${dir}` : code === 'EACCES' ? `no permission to write in ${dir}` : (code ?? String(error))}`);
  }
  return file;
}

/** The command-line flag behind a service's request field, for its (Chinese) messages. */
const FLAGS: Record<string, string> = { orgId: '--org', templateId: '--template', packId: '--pack', issueDate: '--issue-date', period: '--period', 'period.kind': '--period' };

export const reportDraftCommand = defineCommand({
  name: 'report draft',
  summary: 'draft a report from the ledger and write its DOCX',
  usage: `Usage: lvzhi report draft --org ORG_ID --period PERIOD --template TEMPLATE_ID --out FILE.docx
                          [--pack ID] [--issue-date YYYY-MM-DD] [--json]

Drafts a report for an organization (the records of its whole subtree) and a period from a
template, as the web app's 起草报告 does, and writes it as a Word file in the official layout
(GB/T 9704-2012). The draft is stored, as version 1 recorded in the audit log by the actor "cli":
open it in the web app to check a figure's records, edit, regenerate, approve and submit it.
Sentences whose figure is zero or missing are left out; --json lists them.

Options:
  --org ORG_ID           the reporting organization; "root" means the top organization
  --period PERIOD        2022 (a year), 2022-H1 or 2022-H2 (a half-year), 2022-Q3 (a quarter),
                         or 2022-01-01..2022-06-30 (any dates, for templates of a date range)
  --template ID          a template of the pack (ideology: annual_report, half_year_report,
                         duty_report) or the id of a template imported from an old report
  --out FILE.docx        where to write the Word file (overwritten if it exists)
  --pack ID              the pack (default: ideology)
  --issue-date DATE      the date of issue (成文日期) printed under the signature (default: today)
  --json                 print {"draftId", "title", "file", "figures": [{"id", "kind", "label",
                         "value", "metricId", "recordType", "ruleId", "recordCount"}],
                         "omitted": [{"blockId", "text", "reason", "slot"}]}

Exit status: 0 written, 1 when the org or template is unknown or the file cannot be written,
2 on a bad command line (a malformed period or date).
`,
  options: {
    org: { type: 'string' },
    period: { type: 'string' },
    template: { type: 'string' },
    out: { type: 'string' },
    pack: { type: 'string' },
    'issue-date': { type: 'string' },
    json: { type: 'boolean' },
  },
  required: ['org', 'period', 'template', 'out'],
  async run({ values }, io) {
    const period = parsePeriod(values.period!);
    const resolved = resolvePeriod(period);
    if (typeof resolved === 'string') throw new UsageError(`--period ${values.period}: ${resolved}`);
    const issueDate = values['issue-date'];
    if (issueDate !== undefined && !isIsoDate(issueDate)) throw new UsageError(`--issue-date "${issueDate}" is not a date: write YYYY-MM-DD`);
    const file = outputFile(values.out!);
    const packId = values.pack ?? 'ideology';

    const result = await withSession(io, { mustExist: true }, async ({ ctx, actor }) => {
      const pack = ctx.packs.get(packId);
      if (!pack) throw new UsageError(`unknown pack "${packId}" (packs: ${ctx.packs.all().map((p) => p.id).join(', ')})`);
      const org = await resolveOrg(ctx.db, values.org!);
      let report;
      try {
        report = await createReport(ctx, actor, { orgId: org.id, packId: pack.id, templateId: values.template!, period, ...(issueDate ? { issueDate } : {}) });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.field === 'templateId') {
          const ids = pack.templates.map((t) => t.id).join(', ');
          throw new CliError(`unknown template "${values.template}": ${error.message} (the pack's templates: ${ids}; or the id of an imported template)`);
        }
        throw new CliError(`${error.field && FLAGS[error.field] ? `${FLAGS[error.field]}: ` : ''}${error.message}`);
      }
      const docx = await reportDocx(ctx, actor, report.id);
      return { report, bytes: docx.bytes };
    });

    try {
      fs.writeFileSync(file, result.bytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(`cannot write ${file}: ${code ?? String(error)} (the draft is stored as report ${result.report.id})`);
    }
    const { report } = result;
    const figures = Object.entries(report.provenance).map(([id, p]) => ({ id, ...p }));
    if (values.json) {
      json(io, { draftId: report.id, title: report.title, file, figures, omitted: report.omitted });
    } else {
      line(io, `wrote ${file}`);
      line(io, `draft ${report.id}: ${report.title} (${report.period.label}), ${figures.length} figures and lists from the ledger, ${report.omitted.length} sentences left out`);
    }
    return EXIT.ok;
  },
});
