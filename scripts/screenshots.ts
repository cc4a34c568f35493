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
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
