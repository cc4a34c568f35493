// Regenerates the README's screenshots: a fresh server with the demo bureau, Debian's Chromium,
// the pages a new user sees first. Run: npx tsx scripts/screenshots.ts (needs /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildWeb, isStale, WEB_OUTFILE, WEB_SOURCES } from './build.mjs';
import { loadConfig } from '../src/server/config.ts';
import { startServer } from '../src/server/main.ts';

const OUT = path.resolve('docs/images');
const PASSWORD = 'Demo#2026pw';

if (isStale(WEB_OUTFILE, WEB_SOURCES)) await buildWeb();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-shots-'));
const server = await startServer({ config: { ...loadConfig({}), dataDir, port: 0, webDir: path.dirname(WEB_OUTFILE) }, env: {}, logger: false });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const api = await browser.newContext({ baseURL: server.url });
  const setup = await api.request.post('/api/setup', {
    data: {
      org: { name: '示例市文化广电旅游局党组', kind: 'party_group' },
      sysadmin: { username: 'sysadmin', displayName: '系统管理员', password: 'Admin#2026pw' },
      secadmin: { username: 'secadmin', displayName: '安全管理员', password: 'Admin#2026pw' },
      auditor: { username: 'auditor', displayName: '审计管理员', password: 'Admin#2026pw' },
      demo: { password: PASSWORD },
    },
  });
  if (!setup.ok()) throw new Error(`setup failed: ${await setup.text()}`);

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', baseURL: server.url });
  await page.goto('/');
  await page.getByLabel('用户名').fill('sysadmin');
  await page.getByLabel('密码').fill('Admin#2026pw');
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('menuitem', { name: '人员' }).waitFor();
  for (const [route, file, ready] of [
    ['/org', 'org-tree.png', '市图书馆'],
    ['/people', 'people.png', '139****'],
  ] as const) {
    await page.goto(route);
    await page.getByText(ready).first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, file) });
    console.log(`wrote docs/images/${file}`);
  }

  // The report editor: the party group's secretary drafts this year's annual report from the pack's
  // template; then a figure's records.
  const clerk = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', baseURL: server.url });
  await clerk.goto('/');
  await clerk.getByLabel('用户名').fill('secretary');
  await clerk.getByLabel('密码').fill(PASSWORD);
  await clerk.getByRole('button', { name: /^登\s*录$/ }).click();
  await clerk.getByRole('menuitem', { name: '工作报告' }).waitFor();
  // What the ledger says: the dashboard a leader reads, the rules × periods matrix, the ledger.
  for (const [route, file, ready] of [
    ['/dashboard', 'dashboard.png', '各单位完成率（低的在前）'],
    ['/compliance', 'compliance.png', '落实情况'],
    ['/ledger', 'ledger.png', '台账记录'],
  ] as const) {
    await clerk.goto(route);
    await clerk.getByText(ready).first().waitFor();
    // Charts load on demand and animate in.
    await clerk.waitForTimeout(2500);
    await clerk.screenshot({ path: path.join(OUT, file) });
    console.log(`wrote docs/images/${file}`);
  }
  await clerk.goto('/reports?draft=annual_report');
  await clerk.locator('.ant-modal').getByLabel('年度').waitFor();
  await clerk.locator('.ant-modal').getByRole('button', { name: /^起\s*草$/ }).click();
  await clerk.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
  await clerk.locator('.lz-fig').first().waitFor();
  // Let the toast go and the pointer leave the paragraph it hovers.
  await clerk.mouse.move(1300, 880);
  await clerk.waitForTimeout(3500);
  await clerk.screenshot({ path: path.join(OUT, 'report-editor.png') });
  console.log('wrote docs/images/report-editor.png');
  await clerk.locator('.lz-fig[title*="依据"]:not([title*="依据0条"])').nth(1).click();
  await clerk.locator('.ant-drawer a[href^="/ledger/"]').first().waitFor();
  await clerk.waitForTimeout(500);
  await clerk.screenshot({ path: path.join(OUT, 'report-provenance.png') });
  console.log('wrote docs/images/report-provenance.png');
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
