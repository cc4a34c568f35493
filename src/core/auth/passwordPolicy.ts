/** The numeric part of the security policy: each has bounds (POLICY_BOUNDS) and a 等保三级 default. */
export interface NumericPolicy {
  passwordMinLength: number;
  /** Of: lower case, upper case, digits, other characters. */
  passwordMinClasses: number;
  passwordMaxLength: number;
  /** Days before a password must be changed; 0 = never. */
  passwordMaxAgeDays: number;
  /** Number of previous passwords that may not be reused; 0 = no history check. */
  passwordHistory: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteSessionHours: number;
  /** Days the audit log is kept at least; never below 180 (网络安全法 Art. 21: six months). */
  auditRetentionDays: number;
}

/** The password, session and administrator policy. Defaults follow 等保三级 as issue #2 names them. */
export interface SecurityPolicy extends NumericPolicy {
  /**
   * CIDRs (IPv4 or IPv6; a bare address is one host) from which the three administrators may log
   * in and use the system. Empty: no restriction.
   */
  adminIpAllowlist: string[];
  /** When set, an administrator without a second factor (TOTP) must enrol before anything else. */
  requireAdminMfa: boolean;
}

export type NumericPolicyKey = keyof NumericPolicy;

export const DEFAULT_POLICY: SecurityPolicy = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordMaxLength: 64,
  passwordMaxAgeDays: 90,
  passwordHistory: 5,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteSessionHours: 8,
  auditRetentionDays: 180,
  adminIpAllowlist: [],
  requireAdminMfa: false,
};

/** Bounds an administrator may set: nothing weaker than a sensible floor. */
export const POLICY_BOUNDS: Record<NumericPolicyKey, [number, number]> = {
  passwordMinLength: [8, 64],
  passwordMinClasses: [1, 4],
  passwordMaxLength: [16, 128],
  passwordMaxAgeDays: [0, 3650],
  passwordHistory: [0, 24],
  lockoutThreshold: [3, 20],
  lockoutMinutes: [1, 1440],
  idleTimeoutMinutes: [5, 480],
  absoluteSessionHours: [1, 24],
  auditRetentionDays: [180, 3650],
};

export const NUMERIC_POLICY_KEYS = Object.keys(POLICY_BOUNDS) as NumericPolicyKey[];

export interface PasswordProblem {
  code: 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME' | 'COMMON' | 'WHITESPACE_ONLY';
  message: string;
}

// A short list of passwords that pass composition rules but are the first ones tried.
const COMMON = new Set(['password1!', 'p@ssw0rd', 'p@ssword1', 'admin@123', 'admin123!', 'qwer@1234', 'abc@12345',
  'passw0rd!', 'a123456!', 'aa123456!', 'root@123', 'test@123', 'welcome1!', 'huawei@123', 'abcd@1234', 'qwe123!@#']);

export function characterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^a-zA-Z0-9]/.test(password)) classes++;
  return classes;
}

/** Checks a candidate password; returns every problem found (empty when acceptable). */
export function checkPassword(password: string, policy: SecurityPolicy, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (password.trim().length === 0) {
    problems.push({ code: 'WHITESPACE_ONLY', message: '密码不能为空' });
    return problems;
  }
  if (length < policy.passwordMinLength) {
    problems.push({ code: 'TOO_SHORT', message: `密码至少需要${policy.passwordMinLength}个字符` });
  }
  if (length > policy.passwordMaxLength) {
    problems.push({ code: 'TOO_LONG', message: `密码不能超过${policy.passwordMaxLength}个字符` });
  }
  if (characterClasses(password) < policy.passwordMinClasses) {
    problems.push({
      code: 'TOO_FEW_CLASSES',
      message: `密码需包含小写字母、大写字母、数字、特殊字符中的至少${policy.passwordMinClasses}类`,
    });
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ code: 'CONTAINS_USERNAME', message: '密码不能包含用户名' });
  }
  if (COMMON.has(password.toLowerCase())) {
    problems.push({ code: 'COMMON', message: '密码过于常见，请换一个' });
  }
  return problems;
}
