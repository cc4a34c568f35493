import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { listAccounts } from './account.query.ts';
import { Account, AccountListQuery, CreateAccountBody, ResetPasswordBody, RolesBody, UpdateAccountBody } from './account.schema.ts';
import { createAccount, resetAccountMfa, resetPassword, setAccountDisabled, setRoles, unlockAccount, updateAccount } from './account.service.ts';
import { IdParams, Ok } from './auth.schema.ts';

const tags = ['accounts'];

export async function accountRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/users',
    { config: { access: 'account.read' }, schema: { tags, summary: '账号列表', querystring: AccountListQuery, response: { 200: listOf(Account) } } },
    async (request) => listAccounts(ctx.db, actorOf(request), request.query),
  );

  app.post(
    '/api/users',
    { config: { access: 'account.manage' }, schema: { tags, summary: '创建账号（不含角色，由安全管理员授权）', body: CreateAccountBody, response: { 200: Account } } },
    async (request) => createAccount(ctx, actorOf(request), request.body),
  );

  app.patch(
    '/api/users/:id',
    { config: { access: 'account.manage' }, schema: { tags, summary: '修改账号信息', params: IdParams, body: UpdateAccountBody, response: { 200: Account } } },
    async (request) => updateAccount(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/disable',
    { config: { access: 'account.manage' }, schema: { tags, summary: '停用账号', params: IdParams, response: { 200: Account } } },
    async (request) => setAccountDisabled(ctx, actorOf(request), request.params.id, true),
  );

  app.post(
    '/api/users/:id/enable',
    { config: { access: 'account.manage' }, schema: { tags, summary: '启用账号', params: IdParams, response: { 200: Account } } },
    async (request) => setAccountDisabled(ctx, actorOf(request), request.params.id, false),
  );

  app.post(
    '/api/users/:id/reset-password',
    { config: { access: 'account.manage' }, schema: { tags, summary: '重置密码（下次登录须修改）', params: IdParams, body: ResetPasswordBody, response: { 200: Ok } } },
    async (request) => {
      await resetPassword(ctx, actorOf(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/users/:id/roles',
    { config: { access: 'role.grant' }, schema: { tags, summary: '授予/撤销角色（安全管理员）', params: IdParams, body: RolesBody, response: { 200: Account } } },
    async (request) => setRoles(ctx, actorOf(request), request.params.id, request.body.roles),
  );

  app.post(
    '/api/users/:id/unlock',
    { config: { access: 'role.grant' }, schema: { tags, summary: '解锁账号（安全管理员）', params: IdParams, response: { 200: Account } } },
    async (request) => unlockAccount(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/mfa/reset',
    { config: { access: 'role.grant' }, schema: { tags, summary: '重置双因素认证（安全管理员，如手机丢失）', params: IdParams, response: { 200: Account } } },
    async (request) => resetAccountMfa(ctx, actorOf(request), request.params.id),
  );
}
