import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/main.ts';
import { describeInBrowser, launchBrowser, startE2eServer } from './browser.ts';

const ADMIN_PASSWORD = 'Admin#2026pw';

// A new bureau's first minutes, as a user clicks through them: first run, login, a person added.
describeInBrowser('first run to adding a person, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await page.screenshot({ path: `test-results/${context.task.name.slice(0, 40)}.png`, fullPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates the organization and the three administrators on the first-run page', async () => {
    await page.goto(server.url);
    await page.getByText('首次运行').first().waitFor();
    await page.getByLabel('组织全称').fill('示例县文化广电旅游局党组');
    // Three cards with the same labels: the fields are told apart by their form names.
    await page.locator('#sysadmin_password').fill(ADMIN_PASSWORD);
    await page.locator('#sysadmin_passwordConfirm').fill(ADMIN_PASSWORD);
    await page.locator('#secadmin_password').fill('Anquan#2026pw');
    await page.locator('#auditor_password').fill('Shenji#2026pw');
    await page.getByRole('button', { name: '完成初始化' }).click();
    await page.getByText('初始化完成').waitFor();
    await page.getByRole('button', { name: '前往登录' }).click();
  });

  it('logs the system administrator in', async () => {
    await page.getByRole('button', { name: /^登\s*录$/ }).waitFor();
    await page.getByLabel('用户名').fill('sysadmin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByRole('menuitem', { name: '人员' }).waitFor();
  });

  it('adds a person and finds it in the list', async () => {
    await page.goto(`${server.url}/people`);
    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('所属组织').click();
    await page.locator('.ant-select-tree-title', { hasText: '示例县文化广电旅游局党组' }).click();
    await drawer.getByLabel('姓名').fill('林一帆');
    await drawer.getByLabel('职务').fill('党务干事');
    await drawer.getByLabel('电话').fill('13900001234');
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    const row = page.locator('.ant-table-row', { hasText: '林一帆' });
    await row.waitFor();
    // The list shows the phone masked, never in full.
    expect(await row.textContent()).toContain('139****1234');
    expect(pageErrors).toEqual([]);
  });
});
