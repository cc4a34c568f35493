import { now } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { conflict, unprocessable } from '../../platform/errors.ts';
import { policyCache } from '../../platform/policyCache.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { insertAccount } from '../auth/account.repository.ts';
import { assertAcceptablePassword } from '../auth/password.ts';
import { normalizeUsername } from '../auth/user.repository.ts';
import { insertOrg } from '../org/org.repository.ts';
import { putSetting } from '../settings/setting.repository.ts';
import { type DemoAccount, loadDemoData } from './demo.ts';
import type { SetupInput } from './setup.schema.ts';

const ADMINS = [
  { key: 'sysadmin', role: 'sysadmin' },
  { key: 'secadmin', role: 'secadmin' },
  { key: 'auditor', role: 'auditor' },
] as const;

/**
 * First run: creates the top organization and the three administrators (三员), each a separate
 * account, and optionally the demo bureau. The sysadmin chose their own password; the other two
 * must change theirs at first login. Runs once: the `setup.completed` key makes a second, racing
 * attempt fail.
 */
export async function runSetup(ctx: AppContext, input: SetupInput, ip: string | null): Promise<{ orgId: string; demoAccounts: DemoAccount[] }> {
  const usernames = ADMINS.map(({ key }) => normalizeUsername(input[key].username));
  if (new Set(usernames).size !== usernames.length) {
    throw unprocessable('ROLE_SEPARATION', '三员分立：系统管理员、安全管理员、审计管理员须使用三个不同的账号', 'secadmin.username');
  }
  const policy = await policyCache.get(ctx.db);
  for (const { key } of ADMINS) {
    await assertAcceptablePassword(ctx.db, { policy, password: input[key].password, username: input[key].username, field: `${key}.password` });
  }
  if (input.demo) {
    await assertAcceptablePassword(ctx.db, { policy, password: input.demo.password, username: '', field: 'demo.password' });
  }
  const hashes = await Promise.all(ADMINS.map(({ key }) => hashPassword(input[key].password)));
  const demoHash = input.demo ? await hashPassword(input.demo.password) : null;

  return ctx.db.transaction().execute(async (trx) => {
    const done = await trx.selectFrom('setting').select('key').where('key', '=', 'setup.completed').executeTakeFirst();
    if (done) throw conflict('SETUP_DONE', '系统已完成初始化');
    await putSetting(trx, 'setup.completed', { at: now().toISOString() }, null);
    const root = await insertOrg(trx, { name: input.org.name, kind: input.org.kind, parent: null });
    const ids: Record<string, string> = {};
    for (const [i, { key, role }] of ADMINS.entries()) {
      ids[key] = await insertAccount(trx, {
        username: input[key].username,
        displayName: input[key].displayName,
        orgId: root.id,
        passwordHash: hashes[i]!,
        mustChangePassword: key !== 'sysadmin',
        roles: [role],
      });
    }
    const actor = { userId: ids.sysadmin!, username: normalizeUsername(input.sysadmin.username), displayName: input.sysadmin.displayName, orgId: root.id, orgPath: root.path, roles: ['sysadmin'], ip };
    await appendAudit(trx, ctx, actor, {
      action: 'setup.completed', targetType: 'org', targetId: root.id,
      summary: { org: input.org.name, kind: input.org.kind, admins: usernames },
    });
    let demoAccounts: DemoAccount[] = [];
    if (demoHash) {
      demoAccounts = await loadDemoData(trx, {
        root, year: now().getFullYear(), keys: ctx.fieldKeys, passwordHash: demoHash, grantedBy: null, packs: ctx.packs, dataDir: ctx.config.dataDir,
      });
      await appendAudit(trx, ctx, actor, {
        action: 'demo.loaded', targetType: 'org', targetId: root.id, summary: { accounts: demoAccounts.map((a) => a.username) },
      });
    }
    return { orgId: root.id, demoAccounts };
  });
}
