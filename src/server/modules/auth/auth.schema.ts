import { z } from 'zod';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64).describe('用户名'),
  password: z.string().min(1, '请输入密码').max(256).describe('密码'),
  code: z.string().trim().regex(/^\d{6}$/, '动态验证码为6位数字').optional().describe('动态验证码（已绑定双因素认证的账号）'),
});

export const MfaCodeBody = z.object({
  code: z.string().trim().regex(/^\d{6}$/, '动态验证码为6位数字').describe('验证器中的6位动态验证码'),
});

export const MfaStatus = z.object({
  enrolled: z.boolean().describe('已绑定，登录须输入动态验证码'),
  pending: z.boolean().describe('已生成密钥，待输入首个验证码确认'),
  eligible: z.boolean().describe('本账号可绑定（三员账号）'),
  required: z.boolean().describe('安全策略要求本账号使用双因素认证'),
});

export const MfaEnrolment = z.object({
  secret: z.string().describe('base32 密钥，可手工输入验证器'),
  uri: z.string().describe('otpauth:// 地址，验证器可扫码或导入'),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.string()),
});

export const SessionInfo = z.object({
  authenticated: z.boolean(),
  /** True until the first-run page has created the organization. */
  setupRequired: z.boolean(),
  user: SessionUser.nullable(),
  csrfToken: z.string().nullable(),
  mustChangePassword: z.boolean(),
  passwordExpired: z.boolean(),
  /** The policy requires this administrator's second factor and none is enrolled yet: enrol first. */
  mfaEnrolmentRequired: z.boolean(),
  idleTimeoutMinutes: z.number(),
  /** The password rules in force, for live hints on password forms (the server still decides). */
  passwordPolicy: z.object({ passwordMinLength: z.number(), passwordMinClasses: z.number(), passwordMaxLength: z.number() }),
  /** Largest upload the server accepts, for hints on upload fields (the server still decides). */
  maxUploadMb: z.number(),
});

export const OwnSession = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const IdParams = z.object({ id: z.string().min(1).max(100) });
export const Ok = z.object({ ok: z.literal(true) });
