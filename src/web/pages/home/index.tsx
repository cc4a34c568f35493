import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ModulePage } from '../../app/moduleTypes.ts';

export const homePages: ModulePage[] = [
  { path: '', component: lazy(() => import('./HomePage.tsx')), menu: { label: '首页', icon: <HomeOutlined />, order: 0 } },
];
