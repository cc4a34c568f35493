/** Response shapes shared by several pages. Module-specific shapes live in each page folder's api.ts. */
import type { SecurityPolicy } from '../../core/auth/passwordPolicy.ts';
import type { OrgKind } from '../../core/org/kinds.ts';

export interface ListResult<T> {
  items: T[];
  total: number;
  /** Set by lists that count only so far (the ledger, to 10000): there are more than `total`. */
  totalCapped?: boolean;
}

export type SortOrder = 'asc' | 'desc';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: string[];
}

export interface SessionInfo {
  authenticated: boolean;
  setupRequired: boolean;
  user: SessionUser | null;
  csrfToken: string | null;
  mustChangePassword: boolean;
  passwordExpired: boolean;
  /** The policy requires this administrator's second factor and none is enrolled: enrolment first. */
  mfaEnrolmentRequired?: boolean;
  idleTimeoutMinutes: number;
  /**
   * The password rules, for live hints. Not yet sent by the server; until it is, the hints use the
   * defaults and the server's answer has the last word.
   */
  passwordPolicy?: Partial<PasswordRulesPolicy>;
  /**
   * The upload size limit in MB (LVZHI_MAX_UPLOAD_MB). Not yet sent by the server; until it is,
   * the evidence picker names the default limit and leaves the check to the server.
   */
  maxUploadMb?: number;
}

export type PasswordRulesPolicy = Pick<SecurityPolicy, 'passwordMinLength' | 'passwordMinClasses' | 'passwordMaxLength'>;

export interface Org {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  kind: OrgKind;
  kindLabel: string;
  code: string | null;
  sortOrder: number;
  active: boolean;
  deactivatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrgDetail extends Org {
  ancestors: { id: string; name: string }[];
  childCount: number;
  peopleCount: number;
}

export interface Person {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  position: string | null;
  /** Masked ("138****5678"); the full value comes from /contact. */
  phone: string | null;
  email: string | null;
  hasAccount: boolean;
  createdAt: string;
  updatedAt: string;
}
