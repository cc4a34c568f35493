import { FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { LEDGER_GROUP } from '../../app/menuGroups.ts';
import type { ModulePage } from '../../app/moduleTypes.ts';

/**
 * The ledger: one list of every record type (with a type navigator grouped by category), a page
 * to add a record (type picker, then the form built from the type's fields), the detail page and
 * the edit page. Clerks mostly add records, so "新增记录" has its own menu entry.
 */
export const ledgerPages: ModulePage[] = [
  {
    path: 'ledger',
    component: lazy(() => import('./RecordListPage.tsx')),
    permission: 'ledger.read',
    menu: { label: '台账记录', icon: <FileTextOutlined />, group: LEDGER_GROUP, order: 10 },
  },
  {
    path: 'ledger/new',
    component: lazy(() => import('./RecordEditPage.tsx')),
    permission: 'ledger.write',
    menu: { label: '新增记录', icon: <FileAddOutlined />, group: LEDGER_GROUP, order: 20 },
  },
  { path: 'ledger/:id', component: lazy(() => import('./RecordDetailPage.tsx')), permission: 'ledger.read' },
  { path: 'ledger/:id/edit', component: lazy(() => import('./RecordEditPage.tsx')), permission: 'ledger.write' },
];
