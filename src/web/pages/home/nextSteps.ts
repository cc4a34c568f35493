import { can } from '../../../core/auth/roles.ts';

export interface Facts {
  /** Orgs in the user's scope, null when unknown (no permission or still loading). */
  orgCount: number | null;
  peopleCount: number | null;
}

export interface Step {
  key: string;
  title: string;
  description: string;
  to: string;
  /** True when done already; shown ticked. Undefined for standing tasks. */
  done?: boolean;
}

/**
 * What the home page suggests, by role: the first steps of a fresh installation for the system
 * administrator, the standing tasks of the other administrators, the lists for everyone else.
 */
export function nextSteps(roles: readonly string[], facts: Facts): Step[] {
  const steps: Step[] = [];
  if (can(roles, 'org.manage')) {
    steps.push({
      key: 'orgs',
      title: '添加下级组织',
      description: '在组织机构中建立处室、直属单位、党支部等下级组织。',
      to: '/org',
      done: facts.orgCount === null ? undefined : facts.orgCount > 1,
    });
  }
  if (can(roles, 'people.manage')) {
    steps.push({
      key: 'people',
      title: '导入人员',
      description: '下载Excel模板，填写各单位人员及职务后一次导入；也可逐个添加。',
      to: '/people?import=1',
      done: facts.peopleCount === null ? undefined : facts.peopleCount > 0,
    });
    steps.push({ key: 'duty', title: '明确责任分工', description: '为本年度指定第一责任人、直接责任人、一岗双责人员和领导小组成员。', to: '/duty' });
  }
  if (can(roles, 'account.manage')) {
    steps.push({ key: 'accounts', title: '创建业务账号', description: '为党务工作人员、领导等创建账号，再请安全管理员授予角色。', to: '/accounts' });
  }
  if (can(roles, 'role.grant')) {
    steps.push(
      { key: 'grant', title: '授予角色', description: '为系统管理员新建的账号授予业务角色，账号获得角色后才能使用相应功能。', to: '/accounts' },
      { key: 'locked', title: '解锁账号', description: '查看因多次输错密码而被锁定的账号并解锁。', to: '/accounts?status=locked' },
    );
  }
  if (can(roles, 'policy.manage')) {
    steps.push({ key: 'policy', title: '检查安全策略', description: '密码复杂度、有效期、登录失败锁定和会话超时，默认值符合等保三级要求。', to: '/security-policy' });
  }
  if (can(roles, 'audit.read')) {
    steps.push(
      { key: 'audit', title: '查阅审计日志', description: '按时间、操作人、操作类型筛选所有写操作和登录记录，并可导出。', to: '/audit' },
      { key: 'verify', title: '校验日志完整性', description: '检查审计日志的哈希链，发现被修改、删除或调换顺序的记录。', to: '/audit?verify=1' },
    );
  }
  if (can(roles, 'org.read') && !can(roles, 'org.manage') && !can(roles, 'people.manage')) {
    steps.push(
      { key: 'org-view', title: '查看组织机构', description: '本单位及下级单位的组织架构。', to: '/org' },
      { key: 'people-view', title: '查看人员名单', description: '各单位人员及职务。', to: '/people' },
      { key: 'duty-view', title: '查看责任分工', description: '本年度各级责任人和领导小组。', to: '/duty' },
    );
  }
  return steps;
}
