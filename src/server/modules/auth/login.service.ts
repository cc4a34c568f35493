import type { SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { isAdminRole } from '../../../core/auth/roles.ts';
import { now, nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/crypto.ts';
import { AppError, unprocessable } from '../../platform/errors.ts';
import { adminIpAllowed, normalizeIp } from '../../platform/ipAllowlist.ts';
import { createSession } from '../../platform/session.ts';
import { appendAudit, recordAudit } from '../audit/audit.repository.ts';
import { BAD_MFA_CODE, consumeLoginCode, isMfaEnrolled, MFA_REQUIRED } from './mfa.service.ts';
import { assertAcceptablePassword, storePassword } from './password.ts';
import { findUserByUsername, normalizeUsername } from './user.repository.ts';

export const IP_NOT_ALLOWED = () => new AppError(403, 'IP_NOT_ALLOWED', '管理员账号不允许从当前网络地址登录或操作，请在安全管理员指定的网络内使用');

// One message for unknown users, wrong passwords and disabled accounts: no user enumeration.
const BAD_CREDENTIALS = () => new AppError(401, 'BAD_CREDENTIALS', '用户名或密码错误');

export interface LoginInput {
  username: string;
  password: string;
  /** The authenticator app's code, for accounts with a second factor. */
  code?: string | undefined;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Verifies credentials and opens a session. Failed attempts count toward the lockout threshold;
 * reaching it locks the account for the policy's window. Every attempt is audited.
 */
export async function login(ctx: AppContext, policy: SecurityPolicy, input: LoginInput): Promise<{ token: string; csrfToken: string }> {
  const username = normalizeUsername(input.username);
  const anonymous: Actor = { userId: '', username, displayName: username, orgId: '', orgPath: '/', roles: [], ip: input.ip };
  const user = await findUserByUsername(ctx.db, username);
  if (!user) {
    await verifyPassword(input.password, await dummyPasswordHash());
    await recordAudit(ctx, anonymous, { action: 'auth.login_failed', result: 'failure', orgId: null, summary: { reason: 'unknown_user' } });
    throw BAD_CREDENTIALS();
  }
  const actor: Actor = { ...anonymous, userId: user.id, displayName: user.display_name, orgId: user.org_id };
  if (user.locked_until && user.locked_until > nowIso()) {
    await recordAudit(ctx, actor, { action: 'auth.login_locked', result: 'denied', targetType: 'user', targetId: user.id });
    throw new AppError(423, 'LOCKED', '登录失败次数过多，账号已暂时锁定，请稍后再试或联系安全管理员解锁');
  }
  const passwordOk = await verifyPassword(input.password, user.password_hash);
  // A wrong password or a wrong second-factor code: one more failure toward the lockout, audited.
  const fail = async (action: 'auth.login_failed' | 'auth.mfa_failed', reason: string, counts: boolean) => {
    await ctx.db.transaction().execute(async (trx) => {
      const failures = user.failed_logins + 1;
      const lock = counts && failures >= policy.lockoutThreshold;
      await trx
        .updateTable('app_user')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(now().getTime() + policy.lockoutMinutes * 60_000).toISOString() : user.locked_until,
        })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, ctx, actor, { action, result: 'failure', targetType: 'user', targetId: user.id, summary: { reason, failures } });
      if (lock) {
        await appendAudit(trx, ctx, actor, {
          action: 'auth.lockout',
          result: 'success',
          targetType: 'user',
          targetId: user.id,
          summary: { minutes: policy.lockoutMinutes },
        });
      }
    });
  };
  if (!passwordOk || user.disabled_at) {
    await fail('auth.login_failed', user.disabled_at ? 'disabled' : 'bad_password', passwordOk === false);
    throw BAD_CREDENTIALS();
  }
  // SEC-12: the three administrators only from the allowlisted networks. Checked after the password,
  // so that the answer tells a stranger nothing; not counted as a failure.
  if (policy.adminIpAllowlist.length > 0 && !adminIpAllowed(policy.adminIpAllowlist, input.ip)) {
    const roles = await ctx.db.selectFrom('user_role').select('role').where('user_id', '=', user.id).execute();
    if (roles.some((r) => isAdminRole(r.role))) {
      await recordAudit(ctx, actor, {
        action: 'auth.ip_denied', result: 'denied', targetType: 'user', targetId: user.id, summary: { ip: input.ip ? normalizeIp(input.ip) : null },
      });
      throw IP_NOT_ALLOWED();
    }
  }
  // SEC-11: an account with a second factor needs its current code as well. Without one the client
  // is told to ask for it (the password was right); a wrong, expired or reused code is a failure.
  if (await isMfaEnrolled(ctx.db, user.id)) {
    if (!input.code) throw MFA_REQUIRED();
    if (!(await consumeLoginCode(ctx, user.id, input.code))) {
      await fail('auth.mfa_failed', 'bad_code', true);
      throw BAD_MFA_CODE();
    }
  }
  // A fresh session id at every login (no fixation); the old cookie, if any, stays dead.
  const session = await createSession(ctx.db, { userId: user.id, policy, ip: input.ip, userAgent: input.userAgent });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, last_login_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, ctx, actor, { action: 'auth.login', targetType: 'user', targetId: user.id });
  });
  return session;
}

export async function logout(ctx: AppContext, actor: Actor, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('session').where('id', '=', sessionId).execute();
    await appendAudit(trx, ctx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}

/**
 * Changes the actor's own password after checking the current one. Every other session of the
 * account ends: whoever else held it is out.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  policy: SecurityPolicy,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<void> {
  const user = await ctx.db.selectFrom('app_user').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordAudit(ctx, actor, { action: 'auth.password_change_failed', result: 'failure', targetType: 'user', targetId: user.id });
    throw unprocessable('BAD_CURRENT_PASSWORD', '当前密码不正确', 'currentPassword');
  }
  await assertAcceptablePassword(ctx.db, { policy, password: input.newPassword, username: user.username, userId: user.id, field: 'newPassword' });
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await storePassword(trx, { userId: user.id, hash, mustChange: false });
    await trx.deleteFrom('session').where('user_id', '=', user.id).where('id', '!=', input.keepSessionId).execute();
    await appendAudit(trx, ctx, actor, { action: 'auth.password_changed', targetType: 'user', targetId: user.id });
  });
}
