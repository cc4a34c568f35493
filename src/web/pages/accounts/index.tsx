import { IdcardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { SYSTEM_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

export const accountPages: ModulePage[] = [
  {
    path: 'accounts',
    component: lazy(() => import('./AccountsPage.tsx')),
    permission: 'account.read',
    menu: { label: '账号管理', icon: <IdcardOutlined />, group: SYSTEM_GROUP, order: 10 },
  },
];
