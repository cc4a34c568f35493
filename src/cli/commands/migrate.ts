import { defineCommand } from '../command.ts';
import { migrate, withSession } from '../context.ts';
import { json, line } from '../io.ts';

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'apply pending database migrations',
  usage: `Usage: lvzhi migrate [--json]

Applies every pending migration to the database (SQLite under LVZHI_DATA_DIR, or DATABASE_URL),
creating it when it does not exist, and records the run in the audit log.
"lvzhi serve" does the same at start; this command is for upgrades run ahead of a restart.

Options:
  --json   print {"applied": [...]} instead of text
`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const applied = await withSession(io, { migrate: false }, (session) => migrate(session));
    if (values.json) json(io, { applied });
    else if (applied.length === 0) line(io, 'database schema is up to date');
    else for (const name of applied) line(io, `applied ${name}`);
    return 0;
  },
});
