import { ROLE_LABELS, type Role } from '../../core/auth/roles.ts';
import { listAccounts } from '../../server/modules/auth/account.query.ts';
import type { AccountDto } from '../../server/modules/auth/account.schema.ts';
import type { Db } from '../../server/db/database.ts';
import type { Actor } from '../../server/platform/context.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { json, table } from '../io.ts';

/** Every account, through the same query as the accounts page (a page at a time). */
async function allAccounts(db: Db, actor: Actor): Promise<AccountDto[]> {
  const accounts: AccountDto[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await listAccounts(db, actor, { page, pageSize: 200, sort: 'username', order: 'asc' });
    accounts.push(...items);
    if (items.length === 0 || accounts.length >= total) return accounts;
  }
}

function status(a: AccountDto): string {
  const flags = [a.disabled && 'disabled', a.locked && 'locked', a.mustChangePassword && 'must change password'].filter(Boolean);
  return flags.length > 0 ? flags.join(', ') : 'active';
}

export const userListCommand = defineCommand({
  name: 'user list',
  summary: 'list accounts',
  usage: `Usage: lvzhi user list [--json]

Lists every account: username, name, organization, roles and status (disabled, locked, must change
password).

Options:
  --json   print a JSON array of accounts
`,
  options: { json: { type: 'boolean' } },
  async run({ values }, io) {
    const accounts = await withSession(io, { mustExist: true }, ({ ctx, actor }) => allAccounts(ctx.db, actor));
    if (values.json) {
      json(io, accounts);
      return 0;
    }
    const roleText = (roles: string[]) => roles.map((r) => `${r}(${ROLE_LABELS[r as Role] ?? r})`).join(' ');
    table(io, ['USERNAME', 'NAME', 'ORG', 'ROLES', 'STATUS'], accounts.map((a) => [a.username, a.displayName, a.orgName, roleText(a.roles), status(a)]));
    return 0;
  },
});
