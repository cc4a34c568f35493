import { resetPassword } from '../../server/modules/auth/account.service.ts';
import { findUserByUsername } from '../../server/modules/auth/user.repository.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { CliError, line } from '../io.ts';

export const userResetPasswordCommand = defineCommand({
  name: 'user reset-password',
  summary: "set a new initial password for an account",
  usage: `Usage: lvzhi user reset-password --username U --password P

Sets a new initial password, the way the system administrator's page does: checked against the
policy and the account's recent passwords, to be changed at next login. The account is unlocked
and all its sessions end.

Options:
  --username U   the account
  --password P   the new initial password
`,
  options: { username: { type: 'string' }, password: { type: 'string' } },
  required: ['username', 'password'],
  async run({ values }, io) {
    const username = await withSession(io, { mustExist: true }, async ({ ctx, actor }) => {
      const user = await findUserByUsername(ctx.db, values.username!);
      if (!user) throw new CliError(`no account named "${values.username}" (see "lvzhi user list")`);
      await resetPassword(ctx, actor, user.id, values.password!);
      return user.username;
    });
    line(io, `password of ${username} reset: it must be changed at next login; account unlocked; sessions ended`);
    return 0;
  },
});
