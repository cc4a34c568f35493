import { AuditOutlined, FileTextOutlined, SnippetsOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { REPORT_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

/**
 * 报告: drafts written from the ledger (list, then the editor in the official layout), report
 * templates (the pack's and old reports imported as templates), and the superior's view of which
 * units have submitted their reports.
 */
export const reportPages: ModulePage[] = [
  {
    path: 'reports',
    component: lazy(() => import('./ReportListPage.tsx')),
    permission: 'report.read',
    menu: { label: '工作报告', icon: <FileTextOutlined />, group: REPORT_GROUP, order: 10 },
  },
  {
    path: 'reports/templates',
    component: lazy(() => import('./TemplatesPage.tsx')),
    permission: 'report.read',
    menu: { label: '报告模板', icon: <SnippetsOutlined />, group: REPORT_GROUP, order: 20 },
  },
  { path: 'reports/templates/:id', component: lazy(() => import('./TemplateDetailPage.tsx')), permission: 'report.read' },
  {
    path: 'reports/submissions',
    component: lazy(() => import('./SubmissionsPage.tsx')),
    permission: 'report.read',
    menu: { label: '报送情况', icon: <AuditOutlined />, group: REPORT_GROUP, order: 30 },
  },
  { path: 'reports/:id', component: lazy(() => import('./ReportEditorPage.tsx')), permission: 'report.read' },
];
