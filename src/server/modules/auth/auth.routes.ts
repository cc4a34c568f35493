import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { actorOf, mfaEnrolmentRequired } from '../../platform/guard.ts';
import { policyCache } from '../../platform/policyCache.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/session.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { isSetupDone } from '../setup/setup.repository.ts';
import { ChangePasswordBody, IdParams, LoginBody, MfaCodeBody, MfaEnrolment, MfaStatus, Ok, OwnSession, SessionInfo } from './auth.schema.ts';
import { changeOwnPassword, login, logout } from './login.service.ts';
import { confirmEnrolment, mfaStatus, startEnrolment } from './mfa.service.ts';

const tags = ['auth'];

export async function authRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/auth/session',
    { config: { access: 'public' }, schema: { tags, summary: '当前会话', response: { 200: SessionInfo } } },
    async (request) => {
      const policy = await policyCache.get(ctx.db);
      const passwordPolicy = {
        passwordMinLength: policy.passwordMinLength, passwordMinClasses: policy.passwordMinClasses, passwordMaxLength: policy.passwordMaxLength,
      };
      const maxUploadMb = Math.round((ctx.config.maxUploadBytes / 1024 / 1024) * 10) / 10;
      const session = request.session;
      if (!session) {
        return {
          authenticated: false, setupRequired: !(await isSetupDone(ctx.db)), user: null, csrfToken: null,
          mustChangePassword: false, passwordExpired: false, mfaEnrolmentRequired: false, idleTimeoutMinutes: policy.idleTimeoutMinutes, passwordPolicy, maxUploadMb,
        };
      }
      const org = await ctx.db.selectFrom('org').select('name').where('id', '=', session.actor.orgId).executeTakeFirstOrThrow();
      const { actor } = session;
      return {
        authenticated: true,
        setupRequired: false,
        user: { id: actor.userId, username: actor.username, displayName: actor.displayName, orgId: actor.orgId, orgName: org.name, roles: actor.roles },
        csrfToken: session.csrfToken,
        mustChangePassword: session.mustChangePassword,
        passwordExpired: session.passwordExpired,
        mfaEnrolmentRequired: await mfaEnrolmentRequired(ctx, session),
        idleTimeoutMinutes: policy.idleTimeoutMinutes,
        passwordPolicy,
        maxUploadMb,
      };
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags, summary: '登录', body: LoginBody, response: { 200: z.object({ csrfToken: z.string() }) } },
    },
    async (request, reply) => {
      const policy = await policyCache.get(ctx.db);
      const { token, csrfToken } = await login(ctx, policy, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, token);
      return { csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'session' }, schema: { tags, summary: '退出登录', response: { 200: Ok } } },
    async (request, reply) => {
      await logout(ctx, actorOf(request), request.session!.id);
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    { config: { access: 'session' }, schema: { tags, summary: '修改本人密码', body: ChangePasswordBody, response: { 200: Ok } } },
    async (request) => {
      const policy = await policyCache.get(ctx.db);
      await changeOwnPassword(ctx, policy, actorOf(request), { ...request.body, keepSessionId: request.session!.id });
      return { ok: true as const };
    },
  );

  // SEC-11: the actor's own second factor. `session` access: an administrator the policy sends to
  // enrolment must reach these before anything else.
  app.get(
    '/api/auth/mfa',
    { config: { access: 'session' }, schema: { tags, summary: '本人的双因素认证状态', response: { 200: MfaStatus } } },
    async (request) => mfaStatus(ctx, actorOf(request), await policyCache.get(ctx.db)),
  );

  app.post(
    '/api/auth/mfa/enrol',
    { config: { access: 'session' }, schema: { tags, summary: '生成双因素认证密钥（三员账号）', response: { 200: MfaEnrolment } } },
    async (request, reply) => {
      // The secret is shown once: no cache may keep it.
      reply.header('cache-control', 'no-store');
      return startEnrolment(ctx, actorOf(request));
    },
  );

  app.post(
    '/api/auth/mfa/confirm',
    { config: { access: 'session' }, schema: { tags, summary: '输入首个动态验证码完成绑定', body: MfaCodeBody, response: { 200: Ok } } },
    async (request) => {
      await confirmEnrolment(ctx, actorOf(request), request.body.code);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/sessions',
    { config: { access: 'session' }, schema: { tags, summary: '本人的登录会话', response: { 200: z.array(OwnSession) } } },
    async (request) => {
      const rows = await ctx.db
        .selectFrom('session')
        .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
        .where('user_id', '=', actorOf(request).userId)
        .orderBy('last_seen_at', 'desc')
        .execute();
      // The session id is a hash of the cookie; handing it to its owner exposes nothing replayable.
      return rows.map((r) => ({
        id: r.id, current: r.id === request.session!.id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, ip: r.ip, userAgent: r.user_agent,
      }));
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    { config: { access: 'session' }, schema: { tags, summary: '结束本人的某个会话', params: IdParams, response: { 200: Ok } } },
    async (request) => {
      const actor = actorOf(request);
      await auditedWrite(ctx, actor, async (trx) => {
        const result = await trx.deleteFrom('session').where('id', '=', request.params.id).where('user_id', '=', actor.userId).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) throw notFound('会话');
        return { result: null, audit: { action: 'auth.session_ended', targetType: 'user', targetId: actor.userId } };
      });
      return { ok: true as const };
    },
  );
}
