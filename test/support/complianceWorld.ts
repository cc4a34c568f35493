import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { type DbHandle, type Dialect, openDatabase } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { advanceClock, resetClock } from '../../src/server/platform/clock.ts';
import { FIXTURE_PACK, withPack } from './complianceFixtures.ts';
import { freshDatabase } from './dialects.ts';
import { accountIn, orgIdByCode } from './orgFixtures.ts';
import { ADMIN_PASSWORD, type Client, loggedIn, setupInstance, type TestApp } from './testApp.ts';

// The demo bureau running the compliance fixture pack on a chosen business date, with clients for
// the roles the compliance tests need. The clock is moved before anything is created, so sessions,
// passwords and the demo's duty-role year all agree with "today".

export const PACK = FIXTURE_PACK.id;
export const MASTER_KEY = Buffer.alloc(32, 7);

/** Moves the server clock so that today in Asia/Shanghai is `date` (noon there). */
export function setBusinessToday(date: string): void {
  resetClock();
  advanceClock(Date.parse(`${date}T12:00:00+08:00`) - Date.now());
}

export interface ComplianceWorld {
  t: TestApp;
  /** 示例市文化广电旅游局党组 (party_group) and units: 办公室 D01, 宣传推广科 D05 (departments), 市图书馆 A01, 市博物馆 A02 (affiliates). */
  orgs: { root: string; office: string; publicity: string; library: string; museum: string };
  /** Leader and clerk at the top: see everything. */
  leader: Client;
  clerk: Client;
  /** A liaison of 市图书馆 only. */
  libraryLiaison: Client;
  /** A clerk of 市图书馆 only (may set overrides there). */
  libraryClerk: Client;
  sysadmin: Client;
}

/** An app (API only) on `handle`; closing it closes the handle and removes its data folder. */
async function appOn(handle: DbHandle, config: Partial<Config>): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-compliance-'));
  const { app, ctx, routes } = await buildApp({ handle, config: { ...loadConfig({}), webDir: null, dataDir, ...config }, masterKey: MASTER_KEY, logger: false });
  withPack(ctx);
  await app.ready();
  return {
    app, ctx, handle, routes,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface WorldOptions {
  /** The database to run on (default: a fresh one). */
  handle?: DbHandle;
  config?: Partial<Config>;
}

export async function complianceWorld(dialect: Dialect, today: string, opts: WorldOptions = {}): Promise<ComplianceWorld> {
  setBusinessToday(today);
  const t = await appOn(opts.handle ?? (await freshDatabase(dialect)), opts.config ?? {});
  const { orgId } = await setupInstance(t.app, { demo: true });
  const orgs = {
    root: orgId,
    office: await orgIdByCode(t, 'D01'),
    publicity: await orgIdByCode(t, 'D05'),
    library: await orgIdByCode(t, 'A01'),
    museum: await orgIdByCode(t, 'A02'),
  };
  return {
    t,
    orgs,
    leader: await accountIn(t, { orgId, roles: ['leader'], username: 'top_leader' }),
    clerk: await accountIn(t, { orgId, roles: ['clerk'], username: 'top_clerk' }),
    libraryLiaison: await accountIn(t, { orgId: orgs.library, roles: ['liaison'], username: 'library_liaison' }),
    libraryClerk: await accountIn(t, { orgId: orgs.library, roles: ['clerk'], username: 'library_clerk' }),
    sysadmin: await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD),
  };
}

export async function closeWorld(w: ComplianceWorld): Promise<void> {
  await w.t.close();
  resetClock();
}

/**
 * One database opened twice, as by two server processes: a SQLite file with two connections, or
 * one PostgreSQL database with two pools. `first` is migrated; close `second` before `first`.
 */
export async function sharedDatabase(dialect: Dialect): Promise<{ first: DbHandle; second: DbHandle }> {
  if (dialect === 'postgres') {
    const first = await freshDatabase(dialect);
    return { first, second: openDatabase({ databaseUrl: first.location, dataDir: ':memory:', poolSize: 4 }) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-shared-'));
  const opened = openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(opened.db);
  const first = { ...opened, close: async () => { await opened.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  return { first, second: openDatabase({ databaseUrl: null, dataDir: dir }) };
}
