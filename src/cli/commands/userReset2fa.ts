import { resetMfa } from '../../server/modules/auth/mfa.service.ts';
import { findUserByUsername } from '../../server/modules/auth/user.repository.ts';
import { defineCommand } from '../command.ts';
import { withSession } from '../context.ts';
import { CliError, line } from '../io.ts';

export const userReset2faCommand = defineCommand({
  name: 'user reset-2fa',
  summary: "remove an account's second factor (lost phone)",
  usage: `Usage: lvzhi user reset-2fa --username U

Removes the account's TOTP second factor, the way the security administrator's page does for
another administrator, and ends the account's sessions; for the security administrator's own
account, whom nobody else can reset. The next login asks for no code (or, when the policy
requires a second factor, for a new enrolment). Audited as auth.mfa_reset by "cli".

Options:
  --username U   the account
`,
  options: { username: { type: 'string' } },
  required: ['username'],
  async run({ values }, io) {
    const username = await withSession(io, { mustExist: true }, async ({ ctx, actor }) => {
      const user = await findUserByUsername(ctx.db, values.username!);
      if (!user) throw new CliError(`no account named "${values.username}" (see "lvzhi user list")`);
      await resetMfa(ctx, actor, user.id, user.username);
      return user.username;
    });
    line(io, `second factor of ${username} removed; sessions ended`);
    return 0;
  },
});
