import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { SYSTEM_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

export const policyPages: ModulePage[] = [
  {
    path: 'security-policy',
    component: lazy(() => import('./SecurityPolicyPage.tsx')),
    permission: 'policy.read',
    menu: { label: '安全策略', icon: <SafetyCertificateOutlined />, group: SYSTEM_GROUP, order: 20 },
  },
];
