/** The three administrators (三员). No account may hold two of them. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const;
/** Business roles, combinable with each other but never with an administrator role. */
export const BUSINESS_ROLES = ['leader', 'clerk', 'liaison', 'inspector', 'viewer'] as const;
export const ROLES = [...ADMIN_ROLES, ...BUSINESS_ROLES] as const;

export type AdminRole = (typeof ADMIN_ROLES)[number];
export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  leader: '领导',
  clerk: '党务工作人员',
  liaison: '联络员',
  inspector: '督查人员',
  viewer: '只读用户',
};

export const isAdminRole = (role: string): role is AdminRole => (ADMIN_ROLES as readonly string[]).includes(role);

/**
 * Checks a role set against the separation of the three administrators. Returns an error message
 * (Chinese, for the UI) or null when the set is allowed.
 */
export function checkRoleSet(roles: readonly string[]): string | null {
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) return `未知角色：${unknown.join('、')}`;
  const admin = roles.filter(isAdminRole);
  if (admin.length > 1) return `三员分立：一个账号不能同时担任${admin.map((r) => ROLE_LABELS[r]).join('和')}`;
  if (admin.length === 1 && roles.length > 1) {
    return `三员分立：${ROLE_LABELS[admin[0]!]}账号不能同时拥有业务角色`;
  }
  return null;
}

/** What each role may do. Checked on every route; see docs/security.md for the matrix. */
export const PERMISSIONS = {
  /** Create, rename, move, deactivate orgs. */
  'org.manage': ['sysadmin'],
  /** Read the org tree, people, duty roles (within scope). */
  'org.read': ['sysadmin', 'leader', 'clerk', 'liaison', 'inspector', 'viewer'],
  /** People, duty roles, leading groups. */
  'people.manage': ['sysadmin', 'clerk'],
  /** Accounts: create, disable, reset passwords (not roles). */
  'account.manage': ['sysadmin'],
  /** List accounts (both administrators who act on them). */
  'account.read': ['sysadmin', 'secadmin'],
  /** Grant and revoke roles, unlock accounts. */
  'role.grant': ['secadmin'],
  /** Security policy. */
  'policy.manage': ['secadmin'],
  'policy.read': ['secadmin', 'sysadmin'],
  /** Read, export and verify the audit log. Nobody else. */
  'audit.read': ['auditor'],
  /**
   * Read ledger records and download their evidence (within scope). Not the three administrators:
   * they run the system, not the responsibility system (三员分立 keeps them out of business data).
   */
  'ledger.read': ['leader', 'clerk', 'liaison', 'inspector', 'viewer'],
  /**
   * Create, edit, delete and import records, upload evidence (within scope): the party-affairs
   * staff and the units' liaisons who keep the ledger. Leaders and inspectors read and judge it.
   */
  'ledger.write': ['clerk', 'liaison'],
  /** Compliance statuses, rollups, calendars, metrics and rule overrides in force (within scope). */
  'compliance.read': ['leader', 'clerk', 'liaison', 'inspector', 'viewer'],
  /** Adjust a rule's threshold or switch it off for an org and its subtree (audited, with a reason). */
  'rule.override': ['leader', 'clerk'],
  /** Read reports, their versions, provenance and exports, and who has submitted (within scope). */
  'report.read': ['leader', 'clerk', 'liaison', 'inspector', 'viewer'],
  /** Import templates, draft, edit, regenerate and submit reports (within scope). */
  'report.write': ['clerk'],
  /** Approve a report's final version: a leader signs it off before it goes upward. */
  'report.approve': ['leader'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly string[], permission: Permission): boolean {
  const allowed = PERMISSIONS[permission] as readonly string[];
  return roles.some((r) => allowed.includes(r));
}
