import { lazy } from 'react';
import { describe, expect, it } from 'vitest';
import type { ModulePage } from '../app/moduleTypes.ts';
import { buildMenu, selectedEntry } from './menu.ts';

const Page = lazy(async () => ({ default: () => null }));
const ORG = { key: 'org', label: '组织人员', order: 10 };
const SYSTEM = { key: 'system', label: '系统管理', order: 90 };
const LEDGER = { key: 'ledger', label: '台账', order: 20 };

const PAGES: ModulePage[] = [
  { path: 'audit', component: Page, permission: 'audit.read', menu: { label: '审计日志', icon: null, group: SYSTEM, order: 30 } },
  { path: '', component: Page, menu: { label: '首页', icon: null, order: 0 } },
  { path: 'people', component: Page, permission: 'org.read', menu: { label: '人员', icon: null, group: ORG, order: 20 } },
  { path: 'org', component: Page, permission: 'org.read', menu: { label: '组织机构', icon: null, group: ORG, order: 10 } },
  { path: 'accounts', component: Page, permission: 'account.read', menu: { label: '账号管理', icon: null, group: SYSTEM, order: 10 } },
  // A later module only adds its pages: the menu picks up the new group.
  { path: 'records', component: Page, permission: 'org.read', menu: { label: '台账记录', icon: null, group: LEDGER, order: 10 } },
  { path: 'account/sessions', component: Page },
];

const outline = (roles: string[]) => buildMenu(PAGES, roles).map((s) => [s.group?.label ?? '', s.entries.map((e) => e.label)]);

describe('side menu', () => {
  it('shows a clerk the org and ledger groups in order, and no administration', () => {
    expect(outline(['clerk'])).toEqual([
      ['', ['首页']],
      ['组织人员', ['组织机构', '人员']],
      ['台账', ['台账记录']],
    ]);
  });

  it('shows the audit administrator only the audit log', () => {
    expect(outline(['auditor'])).toEqual([['', ['首页']], ['系统管理', ['审计日志']]]);
  });

  it('shows the security administrator the accounts but not the org tree', () => {
    expect(outline(['secadmin'])).toEqual([['', ['首页']], ['系统管理', ['账号管理']]]);
  });

  it('highlights the entry a nested location belongs to', () => {
    const sections = buildMenu(PAGES, ['sysadmin']);
    expect(selectedEntry(sections, '/org')).toBe('/org');
    expect(selectedEntry(sections, '/people/123')).toBe('/people');
    expect(selectedEntry(sections, '/')).toBe('/');
    expect(selectedEntry(sections, '/account/sessions')).toBeUndefined();
  });
});
