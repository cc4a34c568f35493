import type { MenuGroup } from './moduleTypes.ts';

export const ORG_GROUP: MenuGroup = { key: 'org', label: '组织人员', order: 10 };
export const LEDGER_GROUP: MenuGroup = { key: 'ledger', label: '台账', order: 20 };
export const COMPLIANCE_GROUP: MenuGroup = { key: 'compliance', label: '落实情况', order: 30 };
export const REPORT_GROUP: MenuGroup = { key: 'report', label: '报告', order: 40 };
export const SYSTEM_GROUP: MenuGroup = { key: 'system', label: '系统管理', order: 90 };
