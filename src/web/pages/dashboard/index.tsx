import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModulePage } from '../../app/moduleTypes.ts';

/** 驾驶舱: the leaders' overview, right below 首页 in the menu; ECharts loads with its first chart. */
export const dashboardPages: ModulePage[] = [
  {
    path: 'dashboard',
    component: lazy(() => import('./DashboardPage.tsx')),
    permission: 'compliance.read',
    menu: { label: '驾驶舱', icon: <DashboardOutlined />, order: 1 },
  },
];
