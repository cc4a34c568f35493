import { ROLES } from '../../core/auth/roles.ts';
import { auditedWrite } from '../../server/modules/audit/audit.repository.ts';
import { insertAccount } from '../../server/modules/auth/account.repository.ts';
import { assertAcceptablePassword } from '../../server/modules/auth/password.ts';
import { normalizeUsername } from '../../server/modules/auth/user.repository.ts';
import { hashPassword } from '../../server/platform/crypto.ts';
import { policyCache } from '../../server/platform/policyCache.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { json, line, UsageError } from '../io.ts';
import { resolveOrg } from '../orgs.ts';

export const userCreateCommand = defineCommand({
  name: 'user create',
  summary: 'create an account',
  usage: `Usage: lvzhi user create --username U --password P --role R --org ORG_ID
                         [--name DISPLAY_NAME] [--no-must-change] [--json]

Creates an account in an organization. The password is checked against the security policy and
must be changed at first login unless --no-must-change is given. The three administrators
(sysadmin, secadmin, auditor) are separate: an account holds at most one of them, and then no
business role.

Options:
  --username U       login name: 2-32 lower-case letters, digits, . _ -
  --password P       initial password
  --role R           one of ${ROLES.join(', ')};
                     repeat the option (or separate with commas) for several business roles
  --org ORG_ID       the account's organization; "root" means the top organization
  --name NAME        display name (default: the username)
  --no-must-change   the password need not be changed at first login
  --json             print {"id", "username", "roles", "orgId", "mustChangePassword"}
`,
  options: {
    username: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string', multiple: true },
    org: { type: 'string' },
    name: { type: 'string' },
    'no-must-change': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  required: ['username', 'password', 'role', 'org'],
  async run({ values }, io) {
    const username = values.username!;
    const roles = [...new Set(values.role!.flatMap((r) => r.split(',')).map((r) => r.trim()).filter((r) => r.length > 0))];
    const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}: roles are ${ROLES.join(', ')}`);
    const mustChangePassword = !values['no-must-change'];
    const account = await withSession(io, {}, async ({ ctx, actor }) => {
      const org = await resolveOrg(ctx.db, values.org!);
      const policy = await policyCache.get(ctx.db);
      await assertAcceptablePassword(ctx.db, { policy, password: values.password!, username, field: 'password' });
      const passwordHash = await hashPassword(values.password!);
      const id = await auditedWrite(ctx, actor, async (trx) => {
        const id = await insertAccount(trx, { username, displayName: values.name ?? username, orgId: org.id, passwordHash, mustChangePassword, roles });
        return { result: id, audit: { action: 'user.create', targetType: 'user', targetId: id, orgId: org.id, summary: { username, roles, mustChangePassword } } };
      });
      return { id, username: normalizeUsername(username), roles, orgId: org.id, orgName: org.name, mustChangePassword };
    });
    if (values.json) json(io, account);
    else line(io, account.id);
    if (!values.json) io.err(`lvzhi: created ${account.username} (${account.roles.join(', ')}) in ${account.orgName}${mustChangePassword ? '; the password must be changed at first login' : ''}\n`);
    return 0;
  },
});
