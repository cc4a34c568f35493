import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { SYSTEM_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

export const auditPages: ModulePage[] = [
  {
    path: 'audit',
    component: lazy(() => import('./AuditPage.tsx')),
    permission: 'audit.read',
    menu: { label: '审计日志', icon: <FileSearchOutlined />, group: SYSTEM_GROUP, order: 30 },
  },
];
