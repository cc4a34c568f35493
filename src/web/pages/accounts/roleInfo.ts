import type { Role } from '../../../core/auth/roles.ts';

/** What each role lets its holder do, in a line, for the role dialog. */
export const ROLE_DUTIES: Record<Role, string> = {
  sysadmin: '管理组织机构、人员和账号',
  secadmin: '授予角色、解锁账号、设置安全策略',
  auditor: '查阅、导出和校验审计日志',
  leader: '查看本单位及下级的组织、人员和工作情况',
  clerk: '维护人员、责任分工等日常工作数据',
  liaison: '下级单位的联络员，报送本单位情况',
  inspector: '开展督查检查，跟踪问题整改',
  viewer: '只能查看，不能修改',
};
