import type { NumericPolicyKey } from '../../../core/auth/passwordPolicy.ts';

export interface PolicyField {
  key: NumericPolicyKey;
  label: string;
  unit?: string;
  help: string;
}

export interface PolicySection {
  title: string;
  fields: PolicyField[];
}

/** The policy form, section by section. Bounds come from POLICY_BOUNDS in core. */
export const POLICY_SECTIONS: PolicySection[] = [
  {
    title: '密码复杂度',
    fields: [
      { key: 'passwordMinLength', label: '最小长度', unit: '个字符', help: '等保三级要求不少于8位。' },
      { key: 'passwordMaxLength', label: '最大长度', unit: '个字符', help: '不能小于最小长度。' },
      { key: 'passwordMinClasses', label: '至少包含的字符类别', unit: '类', help: '小写字母、大写字母、数字、特殊字符四类中至少包含几类。' },
    ],
  },
  {
    title: '密码更换',
    fields: [
      { key: 'passwordMaxAgeDays', label: '密码有效期', unit: '天', help: '到期后须修改密码才能继续使用；0 表示不过期。' },
      { key: 'passwordHistory', label: '不得重复使用最近', unit: '次的密码', help: '0 表示不检查。' },
    ],
  },
  {
    title: '登录失败锁定',
    fields: [
      { key: 'lockoutThreshold', label: '连续失败', unit: '次后锁定', help: '达到次数后账号暂时锁定，安全管理员可提前解锁。' },
      { key: 'lockoutMinutes', label: '锁定时长', unit: '分钟', help: '' },
    ],
  },
  {
    title: '会话',
    fields: [
      { key: 'idleTimeoutMinutes', label: '空闲超时', unit: '分钟', help: '无操作超过此时长自动退出登录，结束前一分钟提醒。' },
      { key: 'absoluteSessionHours', label: '会话最长有效期', unit: '小时', help: '无论是否有操作，登录超过此时长须重新登录。' },
    ],
  },
  {
    title: '审计日志',
    fields: [
      { key: 'auditRetentionDays', label: '保存期限', unit: '天', help: '网络安全法要求网络日志至少保存六个月，不能少于180天。目前系统不删除任何审计记录。' },
    ],
  },
];

export const ADMIN_ACCESS_HELP = {
  adminIpAllowlist: '系统管理员、安全管理员、审计管理员只能从这些地址或网段登录和操作，例如 10.0.0.0/8、192.168.1.5；留空表示不限制。业务用户不受影响。',
  requireAdminMfa: '开启后，三员登录须在密码之后输入手机验证器（如 FreeOTP、Microsoft Authenticator）生成的动态验证码；尚未绑定的管理员登录后须先完成绑定。等保三级要求管理员采用两种以上鉴别技术，建议开启。',
};
