import { SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { ORG_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

export const dutyPages: ModulePage[] = [
  {
    path: 'duty',
    component: lazy(() => import('./DutyPage.tsx')),
    permission: 'org.read',
    menu: { label: '责任分工', icon: <SolutionOutlined />, group: ORG_GROUP, order: 30 },
  },
];
