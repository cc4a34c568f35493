import { z } from 'zod';
import { ROLES } from '../../../core/auth/roles.ts';
import { listQuery } from '../../platform/listQuery.ts';

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  personId: z.string().nullable(),
  roles: z.array(z.string()),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** A second factor (TOTP) is in force for this account. */
  mfaEnrolled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountDto = z.infer<typeof Account>;

export const AccountListQuery = listQuery(['username', 'displayName', 'org', 'lastLoginAt', 'createdAt'], 'username').extend({
  orgId: z.string().max(100).optional().describe('只看该组织及其下级的账号'),
  role: z.enum(ROLES).optional().describe('按角色筛选'),
  status: z.enum(['active', 'locked', 'disabled']).optional().describe('按状态筛选'),
});
export type AccountListQueryInput = z.infer<typeof AccountListQuery>;

export const CreateAccountBody = z.object({
  username: z.string().trim().min(2, '用户名至少2个字符').max(32).describe('用户名（小写字母、数字、. _ -）'),
  displayName: z.string().trim().min(1, '请输入姓名').max(50).describe('姓名'),
  orgId: z.string().min(1, '请选择所属组织').max(100).describe('所属组织'),
  personId: z.string().max(100).nullable().optional().describe('对应人员（可选）'),
  password: z.string().min(1, '请输入初始密码').max(256).describe('初始密码（首次登录须修改）'),
});

export const UpdateAccountBody = z
  .object({
    displayName: z.string().trim().min(1, '请输入姓名').max(50).optional(),
    orgId: z.string().min(1).max(100).optional(),
    personId: z.string().max(100).nullable().optional(),
  })
  .strict();

export const ResetPasswordBody = z.object({
  password: z.string().min(1, '请输入新的初始密码').max(256).describe('新的初始密码（下次登录须修改）'),
});

export const RolesBody = z.object({
  roles: z.array(z.enum(ROLES)).max(ROLES.length).describe('角色列表'),
});
