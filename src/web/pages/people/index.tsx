import { TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { ORG_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

export const peoplePages: ModulePage[] = [
  {
    path: 'people',
    component: lazy(() => import('./PeoplePage.tsx')),
    permission: 'org.read',
    menu: { label: '人员', icon: <TeamOutlined />, group: ORG_GROUP, order: 20 },
  },
];
