import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { buildWeb, isStale, WEB_OUTFILE, WEB_SOURCES } from '../../scripts/build.mjs';
import { loadConfig } from '../../src/server/config.ts';
import { type RunningServer, startServer } from '../../src/server/main.ts';
import { STRICT } from '../support/dialects.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../support/testApp.ts';

const CHROMIUM = process.env.LVZHI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Declares a browser suite: it runs where Debian's Chromium is installed, skips with a printed
 * reason elsewhere, and fails in strict mode (CI) rather than skip.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, fn);
  } else if (STRICT) {
    describe(name, () => {
      throw new Error(`Chromium is required (LVZHI_TEST_STRICT=1) but ${CHROMIUM} does not exist`);
    });
  } else {
    console.warn(`[skip] ${name}: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    describe.skip(name, fn);
  }
}

/** The real server on a fresh SQLite database in a temp dir, serving the built web app. */
export async function startE2eServer(): Promise<RunningServer & { dataDir: string }> {
  if (isStale(WEB_OUTFILE, WEB_SOURCES)) await buildWeb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-e2e-'));
  const config = { ...loadConfig({}), dataDir, port: 0, host: '127.0.0.1', webDir: path.dirname(WEB_OUTFILE) };
  const server = await startServer({ config, env: {}, logger: false });
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** First run through the API: the demo bureau with its ledger and accounts, administrators set. */
export async function setupDemo(browser: Browser, server: RunningServer): Promise<void> {
  const api = await browser.newContext({ baseURL: server.url });
  try {
    const setup = await api.request.post('/api/setup', {
      data: {
        org: { name: '示例市文化广电旅游局党组', kind: 'party_group' },
        sysadmin: { username: 'sysadmin', displayName: '系统管理员', password: ADMIN_PASSWORD },
        secadmin: { username: 'secadmin', displayName: '安全管理员', password: ADMIN_PASSWORD },
        auditor: { username: 'auditor', displayName: '审计管理员', password: ADMIN_PASSWORD },
        demo: { password: DEMO_PASSWORD },
      },
    });
    if (!setup.ok()) throw new Error(`setup failed: ${await setup.text()}`);
  } finally {
    await api.close();
  }
}

/** Logs a demo account in on the login page and waits for a menu item it should see. */
export async function loginDemo(page: Page, server: RunningServer, username: string, menuItem: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByRole('menuitem', { name: menuItem }).waitFor();
}
