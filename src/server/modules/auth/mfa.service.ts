import type { Kysely, Transaction } from 'kysely';
import type { SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { isAdminRole } from '../../../core/auth/roles.ts';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { openField, sealField } from '../../platform/crypto.ts';
import { AppError, conflict, forbidden, unprocessable } from '../../platform/errors.ts';
import { checkTotp, newTotpSecret, totpUri } from '../../platform/totp.ts';
import { auditedWrite, recordAudit } from '../audit/audit.repository.ts';

// The administrators' second factor (SEC-11): a TOTP secret per account, enrolled by the account
// itself (the secret shown once, confirmed by a first code), asked for at every login after the
// password, reset by the security administrator when a phone is lost.

type Executor = Kysely<Database> | Transaction<Database>;

export const BAD_MFA_CODE = () => new AppError(401, 'BAD_MFA_CODE', '动态验证码不正确或已使用过，请输入验证器中最新的6位验证码');
export const MFA_REQUIRED = () => new AppError(401, 'MFA_REQUIRED', '请输入验证器中的6位动态验证码');

export interface MfaStatus {
  /** The factor is in force: every login asks for a code. */
  enrolled: boolean;
  /** A secret has been issued and awaits its first code. */
  pending: boolean;
  /** Whether this account may enrol (the three administrators). */
  eligible: boolean;
  /** The policy requires this account's second factor. */
  required: boolean;
}

async function totpRow(db: Executor, userId: string) {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Whether the account's second factor is in force. */
export async function isMfaEnrolled(db: Executor, userId: string): Promise<boolean> {
  const row = await totpRow(db, userId);
  return !!row?.confirmed_at;
}

export async function mfaStatus(ctx: AppContext, actor: Actor, policy: SecurityPolicy): Promise<MfaStatus> {
  const row = await totpRow(ctx.db, actor.userId);
  const eligible = actor.roles.some(isAdminRole);
  return { enrolled: !!row?.confirmed_at, pending: !!row && !row.confirmed_at, eligible, required: eligible && policy.requireAdminMfa };
}

/**
 * Issues a new secret for the actor (replacing one not yet confirmed) and returns it with its
 * otpauth:// URI. Refused when a factor is already in force: only the security administrator's
 * reset removes it, so a stolen session cannot swap the phone.
 */
export async function startEnrolment(ctx: AppContext, actor: Actor): Promise<{ secret: string; uri: string }> {
  if (!actor.roles.some(isAdminRole)) throw forbidden('双因素认证用于系统管理员、安全管理员和审计管理员账号');
  const secret = newTotpSecret();
  await auditedWrite(ctx, actor, async (trx) => {
    const existing = await totpRow(trx, actor.userId);
    if (existing?.confirmed_at) throw conflict('MFA_ALREADY_ENROLLED', '已绑定动态验证码；如需更换手机，请联系安全管理员重置');
    const sealed = sealField(ctx.fieldKeys, secret);
    if (existing) {
      await trx.updateTable('user_totp').set({ secret: sealed, last_step: null, created_at: nowIso() }).where('user_id', '=', actor.userId).execute();
    } else {
      await trx.insertInto('user_totp').values({ user_id: actor.userId, secret: sealed, confirmed_at: null, last_step: null, created_at: nowIso() }).execute();
    }
    return { result: null, audit: { action: 'auth.mfa_enrol_started', targetType: 'user', targetId: actor.userId } };
  });
  return { secret, uri: totpUri(secret, actor.username) };
}

/** Confirms enrolment with a first code from the app: from then on every login asks for one. */
export async function confirmEnrolment(ctx: AppContext, actor: Actor, code: string): Promise<void> {
  const row = await totpRow(ctx.db, actor.userId);
  if (!row || row.confirmed_at) throw conflict('MFA_NOT_PENDING', row ? '已绑定动态验证码' : '请先生成绑定密钥');
  const step = await checkTotp(openField(ctx.fieldKeys, row.secret), code, null);
  if (step === null) {
    await recordAudit(ctx, actor, { action: 'auth.mfa_failed', result: 'failure', targetType: 'user', targetId: actor.userId, summary: { stage: 'enrol' } });
    throw unprocessable('BAD_MFA_CODE', '动态验证码不正确，请核对手机时间并输入验证器中最新的6位验证码', 'code');
  }
  await auditedWrite(ctx, actor, async (trx) => {
    await trx.updateTable('user_totp').set({ confirmed_at: nowIso(), last_step: step }).where('user_id', '=', actor.userId).execute();
    return { result: null, audit: { action: 'auth.mfa_enrolled', targetType: 'user', targetId: actor.userId } };
  });
}

/**
 * Checks a login code against the account's confirmed factor and consumes its time step: the
 * conditional update lets exactly one of two racing logins with the same code through.
 * Returns false for a wrong, expired or reused code.
 */
export async function consumeLoginCode(ctx: AppContext, userId: string, code: string): Promise<boolean> {
  const row = await totpRow(ctx.db, userId);
  if (!row?.confirmed_at) return false;
  const step = await checkTotp(openField(ctx.fieldKeys, row.secret), code, row.last_step);
  if (step === null) return false;
  const updated = await ctx.db
    .updateTable('user_totp')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Removes an account's second factor (the security administrator, e.g. for a lost phone) and ends
 * its sessions; its next login asks for no code, and if the policy requires one, for enrolment.
 */
export async function resetMfa(ctx: AppContext, actor: Actor, userId: string, username: string): Promise<void> {
  if (userId === actor.userId) throw unprocessable('SELF', '不能重置自己的双因素认证，请由另一名安全管理员或通过命令行 lvzhi user reset-2fa 处理');
  await auditedWrite(ctx, actor, async (trx) => {
    const result = await trx.deleteFrom('user_totp').where('user_id', '=', userId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw conflict('MFA_NOT_ENROLLED', '该账号未绑定动态验证码');
    await trx.deleteFrom('session').where('user_id', '=', userId).execute();
    return { result: null, audit: { action: 'auth.mfa_reset', targetType: 'user', targetId: userId, summary: { username } } };
  });
}
