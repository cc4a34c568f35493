import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { can, isAdminRole, type Permission } from '../../core/auth/roles.ts';
import { recordAudit } from '../modules/audit/audit.repository.ts';
import type { AppContext, Actor } from './context.ts';
import { AppError, forbidden, unauthorized } from './errors.ts';
import { adminIpAllowed, normalizeIp } from './ipAllowlist.ts';
import { loadSession, readSessionToken, type LoadedSession } from './session.ts';
import { policyCache } from './policyCache.ts';

/**
 * Who may call a route:
 * - `public`: anyone (health, setup status, login);
 * - `session`: a logged-in user even before a forced password change (session info, change password, logout);
 * - `authenticated`: a logged-in user whose password is in order;
 * - a permission name: `authenticated` plus a role that holds the permission.
 * Routes under /api without an `access` are `authenticated`: secure by default.
 */
export type Access = 'public' | 'session' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: LoadedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor of an authenticated route; the guard has already ensured it exists. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

async function guard(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // The interactive API documentation is as public as /api/openapi.json.
    const docs = request.url.startsWith('/api/docs');
    const access: Access = request.routeOptions.config.access ?? (docs ? 'public' : 'authenticated');

    if (!SAFE_METHODS.has(request.method)) checkOrigin(request);

    const token = readSessionToken(request);
    let expired = false;
    if (token) {
      const policy = await policyCache.get(ctx.db);
      // The web app marks its timed polls (the notification bell): they are not user activity.
      const activity = request.headers['x-lvzhi-background'] !== '1';
      const loaded = await loadSession(ctx.db, token, policy, request.ip, activity);
      if (loaded === 'expired') expired = true;
      else if (loaded) {
        request.session = loaded;
        request.actor = loaded.actor;
      }
    }
    if (access === 'public') return;
    const session = request.session;
    if (!session) {
      throw expired ? new AppError(401, 'SESSION_EXPIRED', '会话已超时，请重新登录') : unauthorized();
    }
    // SEC-12: an administrator's session is only good from the allowlisted networks — except to
    // end it: logging out from outside takes nothing and leaves no live session behind.
    if (session.actor.roles.some(isAdminRole) && request.routeOptions.url !== '/api/auth/logout') {
      const policy = await policyCache.get(ctx.db);
      if (!adminIpAllowed(policy.adminIpAllowlist, request.ip)) {
        await recordAudit(ctx, session.actor, {
          action: 'authz.ip_denied',
          result: 'denied',
          summary: { ip: normalizeIp(request.ip), method: request.method, route: request.routeOptions.url },
        });
        throw forbidden('管理员账号不允许从当前网络地址登录或操作，请在安全管理员指定的网络内使用', 'IP_NOT_ALLOWED');
      }
    }
    // CSRF: a state-changing request must echo the session's token, which a cross-site page cannot read.
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw forbidden('请求缺少有效的CSRF令牌，请刷新页面后重试', 'CSRF');
    }
    if (access === 'session') return;
    if (session.mustChangePassword) throw forbidden('首次登录或密码被重置后须先修改密码', 'MUST_CHANGE_PASSWORD');
    if (session.passwordExpired) throw forbidden('密码已过期，请修改密码', 'PASSWORD_EXPIRED');
    if (await mfaEnrolmentRequired(ctx, session)) {
      throw forbidden('安全策略要求管理员使用双因素认证，请先绑定动态验证码', 'MFA_ENROLMENT_REQUIRED');
    }
    if (access === 'authenticated') return;
    if (!can(session.actor.roles, access)) {
      await recordAudit(ctx, session.actor, {
        action: 'authz.denied',
        result: 'denied',
        summary: { permission: access, method: request.method, route: request.routeOptions.url },
      });
      throw forbidden();
    }
  });
}

/**
 * SEC-11: with the policy's switch on, an administrator without a second factor may only reach the
 * `session` routes (enrolment among them) until enrolled.
 */
export async function mfaEnrolmentRequired(ctx: AppContext, session: LoadedSession): Promise<boolean> {
  if (session.mfaEnrolled || !session.actor.roles.some(isAdminRole)) return false;
  return (await policyCache.get(ctx.db)).requireAdminMfa;
}

/**
 * Browsers send Origin on cross-site POSTs; a mismatch with our own host is a forged request even
 * before any session is involved (login CSRF).
 */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw forbidden('请求来源无效', 'CSRF');
  }
  if (host !== request.host) throw forbidden('不允许跨站请求', 'CSRF');
}

export const guardPlugin = fp(guard, { name: 'lvzhi-guard' });
