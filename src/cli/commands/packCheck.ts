import path from 'node:path';
import { describeProblem } from '../../server/modules/pack/pack.catalog.ts';
import { loadPackDir } from '../../server/modules/pack/pack.loader.ts';
import { defineCommand } from '../command.ts';
import { EXIT, json, line } from '../io.ts';

export const packCheckCommand = defineCommand({
  name: 'pack check',
  summary: 'validate a pack folder: record types, rules, metrics, duties, templates',
  usage: `Usage: lvzhi pack check DIR [--json]

Reads the pack in DIR (pack.yaml, record-types/, rules.yaml, metrics.yaml, duties.yaml,
templates/) the way the server does at start, and reports every problem with the file, the path
inside it and the reason. Touches no database. docs/packs.md describes the format.

Exit status: 0 when the pack is valid, 1 when it has problems.

Options:
  --json   print {"id", "recordTypes", "rules", "metrics", "templates", "errors": [{"file", "path", "message"}]};
           ids are those that could be read (id null and empty lists when nothing could)
`,
  options: { json: { type: 'boolean' } },
  positionals: ['DIR'],
  async run({ values, positionals }, io) {
    const { outline, problems } = loadPackDir(path.resolve(positionals[0]!));
    if (values.json) {
      json(io, { ...outline, errors: problems.map(({ file, path: at, message }) => ({ file, path: at, message })) });
    } else {
      const counts = `${outline.recordTypes.length} record types, ${outline.rules.length} rules, ${outline.metrics.length} metrics, ${outline.templates.length} templates`;
      line(io, `pack ${outline.id ?? '(no id)'}: ${counts}`);
      if (problems.length === 0) line(io, 'OK');
      else {
        line(io, `${problems.length} ${problems.length === 1 ? 'error' : 'errors'}:`);
        for (const problem of problems) line(io, `  ${describeProblem(problem)}`);
      }
    }
    return problems.length === 0 ? EXIT.ok : EXIT.failed;
  },
});
