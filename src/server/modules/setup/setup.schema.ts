import { z } from 'zod';
import { ORG_KINDS } from '../../../core/org/kinds.ts';

const AdminAccount = z.object({
  username: z.string().trim().min(2, '用户名至少2个字符').max(32).describe('用户名'),
  displayName: z.string().trim().min(1, '请输入姓名').max(50).describe('姓名'),
  password: z.string().min(1, '请输入密码').max(256).describe('初始密码'),
});

export const SetupBody = z.object({
  org: z.object({
    name: z.string().trim().min(2, '请输入组织全称').max(100).describe('顶级组织名称，如“XX市XX局党组”'),
    kind: z.enum(ORG_KINDS).describe('组织类型'),
  }),
  sysadmin: AdminAccount.describe('系统管理员（即本人，登录后无需改密）'),
  secadmin: AdminAccount.describe('安全管理员（首次登录须修改密码）'),
  auditor: AdminAccount.describe('审计管理员（首次登录须修改密码）'),
  demo: z
    .object({ password: z.string().min(1, '请输入演示账号密码').max(256).describe('演示业务账号的共同密码') })
    .nullable()
    .default(null)
    .describe('加载演示数据（一个局机关：党组、8个处室、3个直属单位、约40人及演示账号）'),
  setupToken: z.string().max(200).optional().describe('非本机访问时所需的初始化令牌（见服务器启动日志）'),
});
export type SetupInput = z.infer<typeof SetupBody>;

export const SetupResult = z.object({
  orgId: z.string(),
  demoAccounts: z.array(z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()) })),
});
