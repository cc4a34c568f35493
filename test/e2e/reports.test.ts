import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/main.ts';
import { defaultPeriod } from '../../src/web/pages/report/period.ts';
import { describeInBrowser, launchBrowser, loginDemo, setupDemo, startE2eServer } from './browser.ts';

const SAMPLE = path.resolve('test/fixtures/reports/003_42f62713737a6758.txt');
// The year the draft form proposes today: this year, or last year in January and February.
const YEAR = defaultPeriod('year', new Date().toLocaleDateString('sv')).year!;

// A new user's report, as they click through it: the clerk imports last year's report as a
// template, binds what lvzhi could not, drafts this year's from it and edits a paragraph; a leader
// approves it and downloads the Word file.
describeInBrowser('reports: an old report imported, drafted, edited, approved and downloaded, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let reportUrl = '';
  const pageErrors: string[] = [];

  const login = (p: Page, username: string) => loginDemo(p, server, username, '工作报告');

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    await setupDemo(browser, server);
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
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

  it('imports last year’s report as a template, binding the placeholder lvzhi could not', async () => {
    // 许文华, the party group's secretary, keeps its ledger and writes its reports.
    await login(page, 'secretary');
    await page.goto(`${server.url}/reports/templates`);
    await page.getByRole('button', { name: '导入旧报告' }).click();
    await page.locator('.ant-drawer input[type="file"]').setInputFiles(SAMPLE);
    await page.getByText(/读出8个占位符（数字8个），其中7个已自动绑定台账指标/).waitFor();
    // The one left: "动员**名…充实到网评员队伍" — no metric counts commentators; the clerk writes the figure.
    await page.getByLabel('占位符8的绑定').click();
    await page.locator('.ant-select-item-option', { hasText: '填写固定文字' }).click();
    await page.getByLabel('占位符8的文字').fill('30');
    await page.getByText('每个占位符都有了着落').waitFor();
    await page.locator('.ant-drawer').getByLabel('模板名称').fill('局党组年度意识形态工作报告（据2022年报告）');
    await page.getByRole('button', { name: '保存模板' }).click();
    await page.getByRole('heading', { name: '局党组年度意识形态工作报告（据2022年报告）' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('动员30名了解网络');
  });

  it('drafts the year’s report from it and edits a paragraph', async () => {
    await page.getByRole('button', { name: '用此模板起草' }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByLabel('年度').waitFor();
    expect(await modal.locator('.ant-select', { has: page.getByLabel('年度') }).textContent()).toContain(`${YEAR}年`);
    await modal.getByRole('button', { name: /^起\s*草$/ }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    reportUrl = page.url();
    await page.locator('.lz-paper').getByText('工作开展情况').first().waitFor();
    // Figures come from the ledger and open the records they count.
    const figure = page.locator('.lz-fig').first();
    await figure.click();
    await page.locator('.ant-drawer').getByText(/依据的台账记录（\d+条）/).waitFor();
    expect(await page.locator('.ant-drawer a[href^="/ledger/"]').count()).toBeGreaterThan(0);
    await page.locator('.ant-drawer-close').click();

    const opening = page.locator('[data-block]:not([data-block="title"])').first();
    await opening.click();
    const text = page.getByLabel('段落正文');
    await text.fill(`${YEAR}年，局党组在市委的坚强领导下，全面落实意识形态工作责任制。现将一年来的意识形态工作情况报告如下：`);
    await page.locator('.lz-block-editor').getByRole('button', { name: /^保\s*存$/ }).click();
    await opening.getByText('已修改').waitFor();
    await page.getByText('第2版').first().waitFor();
    // Every mark left for the user must be settled before a leader can approve.
    expect(await page.locator('.lz-paper .lz-mark').count()).toBe(0);
  });

  it('lets a leader approve it and download the Word file', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const leader = await context.newPage();
    leader.setDefaultTimeout(15_000);
    leader.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      // 王建国, the party group's secretary (书记) and the bureau's director, signs reports off.
      await login(leader, 'leader');
      await leader.goto(reportUrl);
      // The button's name starts with its icon's.
      await leader.getByRole('button', { name: /审\s*定$/ }).click();
      await leader.locator('.ant-popconfirm').getByRole('button', { name: /^审\s*定$/ }).click();
      await leader.getByText(/报告已冻结，不能再修改/).waitFor();
      expect(await leader.locator('.lz-block-editable').count()).toBe(0);

      const [download] = await Promise.all([leader.waitForEvent('download'), leader.getByRole('button', { name: '下载Word' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = fs.readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
