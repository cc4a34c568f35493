import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SecurityPolicy } from '../../core/auth/passwordPolicy.ts';
import type { Db } from '../db/database.ts';
import { now, nowIso } from './clock.ts';
import { randomToken, sm3 } from './crypto.ts';
import type { Actor } from './context.ts';

/** Over TLS the cookie gets the __Host- prefix and Secure; on plain http (local use) it cannot. */
const SECURE_COOKIE = '__Host-lvzhi_sid';
const PLAIN_COOKIE = 'lvzhi_sid';

export interface LoadedSession {
  id: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  /** The account's second factor (TOTP) is in force. */
  mfaEnrolled: boolean;
}

export function readSessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const secure = request.protocol === 'https';
  reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.protocol === 'https';
  reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

/** Only the hash of the cookie's token is stored: a leaked session table cannot be replayed. */
export const sessionIdFor = (token: string): string => sm3(token);

export async function createSession(
  db: Db,
  opts: { userId: string; policy: SecurityPolicy; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const at = now();
  await db
    .insertInto('session')
    .values({
      id: sessionIdFor(token),
      user_id: opts.userId,
      csrf_token: csrfToken,
      created_at: at.toISOString(),
      last_seen_at: at.toISOString(),
      expires_at: new Date(at.getTime() + opts.policy.absoluteSessionHours * 3600_000).toISOString(),
      ip: opts.ip,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken };
}

/**
 * Resolves a cookie token to a live session. Sessions past the idle timeout or the absolute lifetime
 * are deleted on sight. Activity refreshes `last_seen_at` at most every 30 s to spare the database.
 */
export async function loadSession(
  db: Db,
  token: string,
  policy: SecurityPolicy,
  ip: string | null,
  /** False for the page's own background polls: they must not keep an idle session alive. */
  activity = true,
): Promise<LoadedSession | 'expired' | null> {
  const id = sessionIdFor(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('org', 'org.id', 'app_user.org_id')
    .leftJoin('user_totp', 'user_totp.user_id', 'app_user.id')
    .select([
      'session.id', 'session.csrf_token', 'session.last_seen_at', 'session.expires_at',
      'app_user.id as user_id', 'app_user.username', 'app_user.display_name', 'app_user.org_id',
      'app_user.must_change_password', 'app_user.password_changed_at', 'app_user.disabled_at', 'org.path as org_path',
      'user_totp.confirmed_at as mfa_confirmed_at',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const at = now();
  const idleLimit = new Date(row.last_seen_at).getTime() + policy.idleTimeoutMinutes * 60_000;
  if (row.disabled_at || at.toISOString() >= row.expires_at || at.getTime() >= idleLimit) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return 'expired';
  }
  if (activity && at.getTime() - new Date(row.last_seen_at).getTime() > 30_000) {
    await db.updateTable('session').set({ last_seen_at: nowIso() }).where('id', '=', id).execute();
  }
  const roles = await db.selectFrom('user_role').select('role').where('user_id', '=', row.user_id).execute();
  const maxAgeMs = policy.passwordMaxAgeDays * 86_400_000;
  return {
    id,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password === 1,
    mfaEnrolled: row.mfa_confirmed_at !== null,
    passwordExpired: maxAgeMs > 0 && at.getTime() - new Date(row.password_changed_at).getTime() > maxAgeMs,
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      orgPath: row.org_path,
      roles: roles.map((r) => r.role),
      ip,
    },
  };
}
