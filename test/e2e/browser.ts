import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';
import { buildWeb, isStale, WEB_OUTFILE, WEB_SOURCES } from '../../scripts/build.mjs';
import { loadConfig } from '../../src/server/config.ts';
import { type RunningServer, startServer } from '../../src/server/main.ts';
import { STRICT } from '../support/dialects.ts';

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
