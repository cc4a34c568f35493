import type { SessionInfo } from '../http/types.ts';

/** Which part of the app a session may see: exactly one at a time. */
export type Gate = 'setup' | 'login' | 'password' | 'mfa' | 'app';

export function gateOf(session: SessionInfo): Gate {
  if (session.setupRequired) return 'setup';
  if (!session.authenticated || !session.user) return 'login';
  if (session.mustChangePassword || session.passwordExpired) return 'password';
  if (session.mfaEnrolmentRequired) return 'mfa';
  return 'app';
}

export const GATE_PATHS: Record<Gate, string> = {
  setup: '/setup',
  login: '/login',
  password: '/change-password',
  mfa: '/mfa-enrol',
  app: '/',
};
