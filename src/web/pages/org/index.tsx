import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { ORG_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

export const orgPages: ModulePage[] = [
  {
    path: 'org',
    component: lazy(() => import('./OrgPage.tsx')),
    permission: 'org.read',
    menu: { label: '组织机构', icon: <ApartmentOutlined />, group: ORG_GROUP, order: 10 },
  },
];
