import type { Selectable } from 'kysely';

/** A login account. Named app_user because `user` is reserved in PostgreSQL. */
export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  /** The staff member this account belongs to, when there is one. */
  person_id: string | null;
  password_hash: string;
  /** 1 when an initial or reset password must be changed before anything else. */
  must_change_password: number;
  password_changed_at: string;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  /** One of ROLES (core/auth/roles.ts). */
  role: string;
  granted_by: string | null;
  granted_at: string;
}

export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

/** Server-side session. The cookie holds a random token; only its hash is stored. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end of the session, whatever the activity. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;

/** An administrator's TOTP second factor (SEC-11). */
export interface UserTotpTable {
  user_id: string;
  /** The base32 secret, sealed with the field key (`v1:iv:ct:mac`). */
  secret: string;
  /** Null while enrolment awaits its first code; the factor is in force once set. */
  confirmed_at: string | null;
  /** RFC 6238 time step of the last accepted code: a code at or before it is refused (replay). */
  last_step: number | null;
  created_at: string;
}
