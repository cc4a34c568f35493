import fs from 'node:fs';
import path from 'node:path';
import type { MetricDef } from '../../core/pack/schema.ts';
import { importTemplate, type ImportedTemplate, type Node } from '../../core/report/template.ts';
import { loadPackRegistry, packRoots } from '../../server/modules/pack/pack.catalog.ts';
import { MAX_REPORT_BYTES, reportText } from '../../server/modules/report/reportFile.ts';
import { defineCommand } from '../command.ts';
import { CliError, type CliIo, EXIT, json, line, table, UsageError } from '../io.ts';

/** The bytes of FILE; a missing, unreadable or oversized file is a one-line error. */
function readFile(file: string): Buffer {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`cannot read ${file}: not a file`);
    if (stat.size > MAX_REPORT_BYTES) throw new CliError(`cannot read ${file}: larger than ${MAX_REPORT_BYTES / 1024 / 1024} MB`);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
}

/** The metrics of the pack placeholders bind to, from the same pack folders the server loads. */
function packMetrics(io: CliIo, packId: string): MetricDef[] {
  let registry;
  try {
    registry = loadPackRegistry(packRoots(io.env));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
  }
  const pack = registry.get(packId);
  if (!pack) throw new UsageError(`unknown pack "${packId}" (packs: ${registry.all().map((p) => p.id).join(', ')})`);
  return pack.metrics;
}

function printNodes(io: CliIo, nodes: readonly Node[], depth: number): void {
  for (const node of nodes) {
    line(io, `${'  '.repeat(depth + 1)}${node.marker}${node.heading}`);
    printNodes(io, node.children, depth + 1);
  }
}

/** A short piece of the context around the `nth` occurrence of the written placeholder, for a table cell. */
function snippet(context: string, written: string, nth: number): string {
  // "**余篇" also occurs inside "***余篇": an occurrence counts only where the run starts.
  const starts: number[] = [];
  for (let i = context.indexOf(written); i >= 0; i = context.indexOf(written, i + 1)) if (i === 0 || context[i - 1] !== written[0]) starts.push(i);
  const at = starts[nth] ?? 0;
  const start = Math.max(0, at - 12);
  const end = Math.min(context.length, at + written.length + 8);
  return `${start > 0 ? '…' : ''}${context.slice(start, end)}${end < context.length ? '…' : ''}`;
}

function printTemplate(io: CliIo, template: ImportedTemplate): void {
  line(io, `title: ${template.title ?? '(none)'}`);
  line(io, 'outline:');
  printNodes(io, template.sections, 0);
  const { org, date } = template.signature;
  line(io, `signature: ${org || date ? [org, date].filter(Boolean).join(', ') : '(none)'}`);
  const figures = template.placeholders.filter((p) => p.kind === 'number');
  line(io, `placeholders: ${template.placeholders.length} (${figures.length} figures, ${figures.filter((p) => p.metric).length} bound to metrics)`);
  if (template.placeholders.length === 0) return;
  const seen = new Map<string, number>();
  table(io, ['#', 'TEXT', 'KIND', 'UNIT', 'METRIC', 'CONTEXT'], template.placeholders.map((p, i) => {
    const written = p.text + (p.unit ?? '');
    const nth = seen.get(p.context + written) ?? 0;
    seen.set(p.context + written, nth + 1);
    return [String(i + 1), p.text, p.kind, p.unit ?? '', p.metric ?? '', snippet(p.context, written, nth)];
  }));
}

export const templateImportCommand = defineCommand({
  name: 'template import',
  summary: 'read an old report (.txt or .docx) as a template: its outline and placeholders',
  usage: `Usage: lvzhi template import FILE [--json] [--pack ID]

Reads an old report, a .txt (UTF-8 or GB18030) or a .docx, and prints its outline (一、 （一） 1.
（1） and inline enumerations 一是…二是…), its title and signature when it has them, and its
placeholders (**, X, xx, ×× …): figures ("召开中心组学习会**次") with their units and the metric
of the pack each one stands for where its context names one, and names ("**区", "邱**").
Touches no database.

Exit status: 0 when read, 1 when the file cannot be read, 2 on a bad command line.

Options:
  --json      print {"title", "sections": [{"marker", "heading", "children"}],
              "placeholders": [{"text", "kind", "unit", "context", "metric"}], "signature": {"org", "date"}}
  --pack ID   the pack whose metrics figures bind to (default: ideology)
`,
  options: { json: { type: 'boolean' }, pack: { type: 'string' } },
  positionals: ['FILE'],
  async run({ values, positionals }, io) {
    const file = path.resolve(positionals[0]!);
    const metrics = packMetrics(io, values.pack ?? 'ideology');
    const template = importTemplate(await reportText(readFile(file), file), metrics);
    if (values.json) json(io, template);
    else printTemplate(io, template);
    return EXIT.ok;
  },
});
