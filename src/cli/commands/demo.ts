import { appendAudit } from '../../server/modules/audit/audit.repository.ts';
import { assertAcceptablePassword } from '../../server/modules/auth/password.ts';
import { insertOrg } from '../../server/modules/org/org.repository.ts';
import { loadDemoData } from '../../server/modules/setup/demo.ts';
import { putSetting } from '../../server/modules/settings/setting.repository.ts';
import { now } from '../../server/platform/clock.ts';
import { hashPassword } from '../../server/platform/crypto.ts';
import { policyCache } from '../../server/platform/policyCache.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { CliError, json, line, UsageError } from '../io.ts';

/** The top org created when the demo is loaded into an empty database. */
const DEMO_ROOT = { name: '示例市文化广电旅游局党组', kind: 'party_group' } as const;

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'load the demo bureau (units, people, duty roles, demo accounts)',
  usage: `Usage: lvzhi demo --password P [--year Y] [--json]

Loads the demo bureau: 8 departments and 3 affiliated units with about 40 people, their positions,
duty roles and leading group for the year, and demo business accounts (leader, deputy, office,
clerk, publicity, library, inspector) that share the password P.

On an empty database it first creates the top organization "${DEMO_ROOT.name}" and marks
set-up as done. It creates no administrator accounts: create them with
"lvzhi user create --role sysadmin|secadmin|auditor --org root …".
On a database that is set up already, the demo units go under the existing top organization.

Options:
  --password P   password of the demo accounts (checked against the password policy)
  --year Y       year of the duty roles and leading group (default: this year)
  --json         print the result as JSON
`,
  options: { password: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' } },
  required: ['password'],
  async run({ values }, io) {
    const year = values.year === undefined ? now().getFullYear() : Number(values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year must be a year such as ${now().getFullYear()}`);
    const password = values.password!;
    const result = await withSession(io, {}, async ({ ctx, actor }) => {
      const earlier = await ctx.db.selectFrom('audit_log').select(['seq', 'at']).where('action', '=', 'demo.loaded').executeTakeFirst();
      if (earlier) throw new CliError(`the demo data is loaded already (audit entry ${earlier.seq}, ${earlier.at})`);
      // Same check as the first-run page's demo option.
      const policy = await policyCache.get(ctx.db);
      await assertAcceptablePassword(ctx.db, { policy, password, username: '', field: 'password' });
      const passwordHash = await hashPassword(password);
      return ctx.db.transaction().execute(async (trx) => {
        let root = await trx.selectFrom('org').selectAll().where('parent_id', 'is', null).orderBy('sort_order').orderBy('created_at').executeTakeFirst();
        const createdRoot = root === undefined;
        if (!root) {
          // What the first-run page does, minus the administrators (see the usage text).
          await putSetting(trx, 'setup.completed', { at: now().toISOString() }, null);
          root = await insertOrg(trx, { name: DEMO_ROOT.name, kind: DEMO_ROOT.kind, parent: null });
          await appendAudit(trx, ctx, actor, {
            action: 'setup.completed', targetType: 'org', targetId: root.id, orgId: root.id,
            summary: { org: DEMO_ROOT.name, kind: DEMO_ROOT.kind, admins: [] },
          });
        }
        const accounts = await loadDemoData(trx, { root, year, keys: ctx.fieldKeys, passwordHash, grantedBy: null, packs: ctx.packs, dataDir: ctx.config.dataDir });
        await appendAudit(trx, ctx, actor, {
          action: 'demo.loaded', targetType: 'org', targetId: root.id, orgId: root.id,
          summary: { year, accounts: accounts.map((a) => a.username) },
        });
        const admins = await trx.selectFrom('user_role').select('role').where('role', 'in', ['sysadmin', 'secadmin', 'auditor']).execute();
        return { root, createdRoot, accounts, hasAdmins: admins.length > 0 };
      });
    });
    if (values.json) {
      json(io, { rootOrgId: result.root.id, rootCreated: result.createdRoot, year, accounts: result.accounts });
    } else {
      line(io, `demo bureau loaded under "${result.root.name}" (${result.root.id})${result.createdRoot ? ', top organization created' : ''}`);
      line(io, `demo accounts (password as given): ${result.accounts.map((a) => a.username).join(', ')}`);
    }
    if (!result.hasAdmins) {
      io.err('lvzhi: no administrator accounts exist yet: create them with\n'
        + '  lvzhi user create --org root --role sysadmin --username U --password P\n'
        + '  (and likewise --role secadmin and --role auditor, each a separate account)\n');
    }
    return 0;
  },
});
