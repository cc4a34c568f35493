import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/main.ts';
import { pngBytes } from '../support/evidenceFiles.ts';
import { describeInBrowser, launchBrowser, loginDemo, setupDemo, startE2eServer } from './browser.ts';

const VIEWPORT = { width: 1366, height: 768 };
const TITLE = `局党组${Date.now().toString(36)}专题研究意识形态工作会议`;
/** The quarterly dedicated party-group meeting on ideology work (packs/ideology/rules.yaml). */
const RULE = 'IW-01';
/** A cell of that rule that still owes a meeting: the demo skips one past quarter, and the running one may be open. */
const OWING_CELL = `button[data-cell^="${RULE}|"]:is(.lz-tone-overdue, .lz-tone-due, .lz-tone-due_soon)`;

// The ledger and compliance as a new clerk meets them: an owing cell of the matrix opened and the
// missing meeting recorded from it, with its minutes; the cell turns green; the record found and
// exported; a unit's liaison kept out of it; a leader's dashboard with its charts.
describeInBrowser('ledger and compliance: a missed meeting recorded from the matrix, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let current: Page;
  let cell = '';
  let recordUrl = '';
  let matrixUrl = '';
  let pastYear = false;
  const pageErrors: string[] = [];

  const login = (p: Page, username: string) => loginDemo(p, server, username, '驾驶舱');
  /** A second user, in a browser context of their own. */
  const asUser = async (username: string, run: (p: Page) => Promise<void>) => {
    const other = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const p = await other.newPage();
    p.setDefaultTimeout(15_000);
    p.on('pageerror', (error) => pageErrors.push(error.message));
    current = p;
    try {
      await login(p, username);
      await run(p);
    } finally {
      current = page;
      await other.close();
    }
  };
  /**
   * Picks an option of the select just opened: antd keeps every dropdown it has shown in the page
   * (the previous one may still be fading out, its chosen option matching the same name), and
   * mounts them in the order they were first opened, so the newest is the last not yet hidden.
   */
  const chooseOption = async (p: Page, text: string | RegExp) => {
    const dropdown = p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await dropdown.locator('.ant-select-item-option:not(.ant-select-item-option-selected)', { hasText: text }).first().click();
  };

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    await setupDemo(browser, server);
    context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    current = page;
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);
  afterEach(async (test) => {
    if (test.task.result?.state === 'fail') await current.screenshot({ path: `test-results/${test.task.name.slice(0, 40)}.png`, fullPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens an owing cell of the quarterly meeting rule and starts 补录 with type, org and date filled in', async () => {
    // 许文华, the party group's secretary, keeps its ledger.
    await login(page, 'secretary');
    await page.getByRole('menuitem', { name: '落实情况' }).click();
    await page.waitForURL(/\/compliance/);
    await page.locator('button[data-cell]').first().waitFor();
    // The demo skips this year's second quarter once it is over; before July, last year's third.
    if ((await page.locator(OWING_CELL).count()) === 0) {
      pastYear = true;
      await page.goto(`${server.url}/compliance?year=${new Date().getFullYear() - 1}`);
    }
    matrixUrl = page.url();
    const owing = page.locator(OWING_CELL).first();
    await owing.waitFor();
    cell = (await owing.getAttribute('data-cell'))!;
    expect(await owing.getAttribute('aria-label')).toMatch(/已逾期|进行中|即将到期/);
    await owing.click();

    const drawer = page.getByRole('dialog');
    await drawer.getByText('党委（党组）每季度专题研究意识形态工作').first().waitFor();
    const range = /(\d{4}-\d{2}-\d{2}) 至 (\d{4}-\d{2}-\d{2})/.exec((await drawer.locator('.ant-descriptions').textContent()) ?? '');
    expect(range).not.toBeNull();
    const [, from, to] = range!;
    await drawer.getByRole('button', { name: /补录台账/ }).click();

    await page.getByRole('heading', { name: '新增：党委（党组）会专题研究意识形态工作' }).waitFor();
    const orgSelect = page.locator('.ant-form-item', { has: page.getByLabel('所属组织') });
    await expect.poll(() => orgSelect.textContent()).toContain('示例市文化广电旅游局党组');
    const date = await page.getByLabel('会议日期').inputValue();
    expect(date >= from! && date <= to!, `${date} in ${from}…${to}`).toBe(true);
  });

  it('fills in the meeting with its minutes and shows the record with its evidence', async () => {
    await page.getByLabel('会议名称').fill(TITLE);
    await page.getByLabel('会议类型').click();
    await chooseOption(page, '党组会');
    await page.getByLabel('研究方式').click();
    await chooseOption(page, '意识形态工作专题');
    // "主持人" is also in the label of the minutes-signed switch; the required mark is in the picker's name.
    const host = page.getByRole('combobox', { name: /^\*?\s*主持人$/ });
    await host.click();
    await host.fill('王建国');
    await chooseOption(page, '王建国');
    const attendees = page.getByRole('combobox', { name: /^\*?\s*出席人员$/ });
    await attendees.click();
    for (const name of ['王建国', '李红梅', '张志强']) {
      await attendees.fill(name);
      await chooseOption(page, name);
    }
    await page.keyboard.press('Escape');
    await page.getByLabel('会议议题').fill('传达学习上级关于意识形态工作的部署；研究本季度意识形态工作。');
    await page.locator('#fields_minutes input[type="file"]').setInputFiles({ name: '会议纪要.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.locator('#fields_minutes').getByText('会议纪要.png').waitFor();
    await page.getByRole('button', { name: /^保\s*存$/ }).click();

    await page.waitForURL(/\/ledger\/[0-9a-f-]{36}$/);
    recordUrl = page.url();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const evidence = page.locator('.ant-card', { hasText: '佐证材料（1）' });
    await evidence.waitFor();
    // The photo of the minutes is previewed from the server's inline copy.
    const image = evidence.getByRole('img', { name: '会议纪要.png' });
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  });

  it('shows the cell met on 落实情况', async () => {
    // Through the menu, as a user goes back: the matrix must not be the one cached before saving.
    await page.getByRole('menuitem', { name: '落实情况' }).click();
    await page.waitForURL(/\/compliance/);
    if (pastYear) await page.goto(matrixUrl);
    const done = page.locator(`button[data-cell="${cell}"]`);
    await expect.poll(() => done.getAttribute('aria-label')).toMatch(/：已完成，记录1次/);
    expect(await done.getAttribute('class')).toContain('lz-tone-met');
    expect((await done.textContent())?.trim()).toMatch(/1$/);
  });

  it('finds the record in the ledger by its title and exports the list to Excel', async () => {
    await page.getByRole('menuitem', { name: '台账记录' }).click();
    await page.waitForURL(/\/ledger(\?|$)/);
    await page.getByPlaceholder('搜索标题和文字内容').fill(TITLE);
    await page.getByPlaceholder('搜索标题和文字内容').press('Enter');
    await page.waitForURL(/q=/);
    const rows = page.locator('.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(TITLE);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('keeps the party group’s record from the library’s liaison', async () => {
    await asUser('library', async (p) => {
      await p.goto(`${server.url}/ledger?q=${encodeURIComponent(TITLE)}`);
      await p.getByText('没有符合条件的记录，请调整筛选条件').waitFor();
      expect(await p.getByText(TITLE).count()).toBe(0);

      await p.goto(recordUrl);
      await p.locator('.ant-result').waitFor();
      expect(await p.locator('.ant-result').textContent()).toMatch(/不存在|无权|没有权限/);
      expect(await p.getByText(TITLE).count()).toBe(0);
    });
  });

  it('shows a leader the completion rate and the charts on 驾驶舱', async () => {
    await asUser('leader', async (p) => {
      await p.getByRole('menuitem', { name: '驾驶舱' }).click();
      const rate = p.locator('.lz-kpi', { hasText: '完成率' });
      await rate.waitFor();
      expect(await rate.locator('.ant-statistic-content').textContent()).toMatch(/^\d+(\.\d)?%$/);
      const charts = p.locator('[role="figure"]');
      await expect.poll(() => charts.count()).toBe(3);
      for (const chart of await charts.all()) await chart.locator('canvas').first().waitFor();
      expect(pageErrors).toEqual([]);
    });
  });
});
