import { CalendarOutlined, TableOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { COMPLIANCE_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

/**
 * 落实情况: the matrix of rules × periods for an org (with its units' rollup and rule adjustments),
 * and the calendar of what falls due. Reminders link to a matrix cell (/compliance?orgId&…&ruleId&period).
 */
export const compliancePages: ModulePage[] = [
  {
    path: 'compliance',
    component: lazy(() => import('./CompliancePage.tsx')),
    permission: 'compliance.read',
    menu: { label: '落实情况', icon: <TableOutlined />, group: COMPLIANCE_GROUP, order: 10 },
  },
  {
    path: 'compliance/calendar',
    component: lazy(() => import('./CalendarPage.tsx')),
    permission: 'compliance.read',
    menu: { label: '到期日历', icon: <CalendarOutlined />, group: COMPLIANCE_GROUP, order: 20 },
  },
];
