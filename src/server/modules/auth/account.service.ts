import { checkRoleSet, isAdminRole, ROLE_LABELS, type Role } from '../../../core/auth/roles.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { policyCache } from '../../platform/policyCache.ts';
import { auditedWrite, recordAudit } from '../audit/audit.repository.ts';
import { getOrgInScope } from '../org/org.repository.ts';
import { insertAccount, replaceRoles } from './account.repository.ts';
import { findAccountInScope } from './account.query.ts';
import type { AccountDto } from './account.schema.ts';
import { resetMfa } from './mfa.service.ts';
import { assertAcceptablePassword, storePassword } from './password.ts';

/** An account the actor may act on, or 404 (also audited as a denial: someone probed an id). */
async function accountInScope(ctx: AppContext, actor: Actor, id: string): Promise<AccountDto> {
  const account = await findAccountInScope(ctx.db, actor, id);
  if (!account) {
    await recordAudit(ctx, actor, { action: 'authz.denied', result: 'denied', targetType: 'user', targetId: id });
    throw notFound('账号');
  }
  return account;
}

async function orgInScope(ctx: AppContext, actor: Actor, orgId: string): Promise<void> {
  if (!(await getOrgInScope(ctx.db, orgId, actor.orgPath))) throw unprocessable('ORG_OUT_OF_SCOPE', '所属组织不存在或不在管辖范围内', 'orgId');
}

async function personInOrgScope(ctx: AppContext, actor: Actor, personId: string | null | undefined): Promise<void> {
  if (!personId) return;
  const person = await ctx.db
    .selectFrom('person')
    .innerJoin('org', 'org.id', 'person.org_id')
    .select('person.id')
    .where('person.id', '=', personId)
    .where('org.path', 'like', `${actor.orgPath}%`)
    .executeTakeFirst();
  if (!person) throw unprocessable('PERSON_OUT_OF_SCOPE', '对应人员不存在或不在管辖范围内', 'personId');
}

export async function createAccount(
  ctx: AppContext,
  actor: Actor,
  input: { username: string; displayName: string; orgId: string; personId?: string | null; password: string },
): Promise<AccountDto> {
  await orgInScope(ctx, actor, input.orgId);
  await personInOrgScope(ctx, actor, input.personId);
  const policy = await policyCache.get(ctx.db);
  await assertAcceptablePassword(ctx.db, { policy, password: input.password, username: input.username, field: 'password' });
  const passwordHash = await hashPassword(input.password);
  const id = await auditedWrite(ctx, actor, async (trx) => {
    const id = await insertAccount(trx, { ...input, passwordHash, mustChangePassword: true });
    return { result: id, audit: { action: 'user.create', targetType: 'user', targetId: id, orgId: input.orgId, summary: { username: input.username, displayName: input.displayName } } };
  });
  return (await findAccountInScope(ctx.db, actor, id))!;
}

export async function updateAccount(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { displayName?: string; orgId?: string; personId?: string | null },
): Promise<AccountDto> {
  const before = await accountInScope(ctx, actor, id);
  if (input.orgId !== undefined) await orgInScope(ctx, actor, input.orgId);
  await personInOrgScope(ctx, actor, input.personId);
  await auditedWrite(ctx, actor, async (trx) => {
    await trx
      .updateTable('app_user')
      .set({
        ...(input.displayName !== undefined && { display_name: input.displayName }),
        ...(input.orgId !== undefined && { org_id: input.orgId }),
        ...(input.personId !== undefined && { person_id: input.personId }),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    return { result: null, audit: { action: 'user.update', targetType: 'user', targetId: id, summary: { username: before.username, changes } } };
  });
  return (await findAccountInScope(ctx.db, actor, id))!;
}

/** Disabling ends the account's sessions at once; nobody can disable their own account. */
export async function setAccountDisabled(ctx: AppContext, actor: Actor, id: string, disabled: boolean): Promise<AccountDto> {
  const account = await accountInScope(ctx, actor, id);
  if (id === actor.userId) throw unprocessable('SELF', '不能停用自己的账号');
  if (disabled) await assertNotLastAdmin(ctx, account, []);
  await auditedWrite(ctx, actor, async (trx) => {
    await trx.updateTable('app_user').set({ disabled_at: disabled ? nowIso() : null, updated_at: nowIso() }).where('id', '=', id).execute();
    if (disabled) await trx.deleteFrom('session').where('user_id', '=', id).execute();
    return { result: null, audit: { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: id, summary: { username: account.username } } };
  });
  return (await findAccountInScope(ctx.db, actor, id))!;
}

/** Sets a new initial password: must be changed at next login; unlocks; ends all sessions. */
export async function resetPassword(ctx: AppContext, actor: Actor, id: string, password: string): Promise<void> {
  const account = await accountInScope(ctx, actor, id);
  const policy = await policyCache.get(ctx.db);
  await assertAcceptablePassword(ctx.db, { policy, password, username: account.username, userId: id, field: 'password' });
  const hash = await hashPassword(password);
  await auditedWrite(ctx, actor, async (trx) => {
    await storePassword(trx, { userId: id, hash, mustChange: true });
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    await trx.deleteFrom('session').where('user_id', '=', id).execute();
    return { result: null, audit: { action: 'user.password_reset', targetType: 'user', targetId: id, summary: { username: account.username } } };
  });
}

/**
 * Grants and revokes roles (安全管理员 only). The three administrators stay separate, nobody edits
 * their own roles, and the last active holder of an administrator role keeps it.
 */
export async function setRoles(ctx: AppContext, actor: Actor, id: string, roles: Role[]): Promise<AccountDto> {
  const account = await accountInScope(ctx, actor, id);
  if (id === actor.userId) throw unprocessable('SELF', '不能修改自己的角色', 'roles');
  const unique = [...new Set(roles)];
  const error = checkRoleSet(unique);
  if (error) throw unprocessable('ROLE_SEPARATION', error, 'roles');
  await assertNotLastAdmin(ctx, account, unique);
  await auditedWrite(ctx, actor, async (trx) => {
    await replaceRoles(trx, id, unique, actor.userId);
    // New powers take effect on a fresh login, not inside sessions opened under the old ones.
    await trx.deleteFrom('session').where('user_id', '=', id).execute();
    return { result: null, audit: { action: 'user.roles', targetType: 'user', targetId: id, summary: { username: account.username, before: account.roles, after: unique } } };
  });
  return (await findAccountInScope(ctx.db, actor, id))!;
}

async function assertNotLastAdmin(ctx: AppContext, account: AccountDto, keptRoles: string[]): Promise<void> {
  for (const role of account.roles.filter((r) => isAdminRole(r) && !keptRoles.includes(r))) {
    const holders = await ctx.db
      .selectFrom('user_role')
      .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
      .select('app_user.id')
      .where('user_role.role', '=', role)
      .where('app_user.disabled_at', 'is', null)
      .execute();
    if (holders.length <= 1) {
      throw unprocessable('LAST_ADMIN', `这是最后一个${ROLE_LABELS[role as Role]}账号，不能撤销或停用`, 'roles');
    }
  }
}

export async function unlockAccount(ctx: AppContext, actor: Actor, id: string): Promise<AccountDto> {
  const account = await accountInScope(ctx, actor, id);
  await auditedWrite(ctx, actor, async (trx) => {
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    return { result: null, audit: { action: 'user.unlock', targetType: 'user', targetId: id, summary: { username: account.username, wasLockedUntil: account.lockedUntil } } };
  });
  return (await findAccountInScope(ctx.db, actor, id))!;
}

/** Removes another account's second factor (SEC-11: a lost phone); audited, its sessions end. */
export async function resetAccountMfa(ctx: AppContext, actor: Actor, id: string): Promise<AccountDto> {
  const account = await accountInScope(ctx, actor, id);
  await resetMfa(ctx, actor, id, account.username);
  return (await findAccountInScope(ctx.db, actor, id))!;
}
