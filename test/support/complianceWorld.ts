import { advanceClock, resetClock } from '../../src/server/platform/clock.ts';
import type { Dialect } from '../../src/server/db/database.ts';
import { FIXTURE_PACK, withPack } from './complianceFixtures.ts';
import { accountIn, orgIdByCode } from './orgFixtures.ts';
import { ADMIN_PASSWORD, type Client, createTestApp, loggedIn, setupInstance, type TestApp } from './testApp.ts';

// The demo bureau running the compliance fixture pack on a chosen business date, with clients for
// the roles the compliance tests need. The clock is moved before anything is created, so sessions,
// passwords and the demo's duty-role year all agree with "today".

export const PACK = FIXTURE_PACK.id;

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

export async function complianceWorld(dialect: Dialect, today: string): Promise<ComplianceWorld> {
  setBusinessToday(today);
  const t = await createTestApp(dialect);
  withPack(t.ctx);
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
    leader: await accountIn(t, { orgId, roles: ['leader'] }),
    clerk: await accountIn(t, { orgId, roles: ['clerk'] }),
    libraryLiaison: await accountIn(t, { orgId: orgs.library, roles: ['liaison'] }),
    libraryClerk: await accountIn(t, { orgId: orgs.library, roles: ['clerk'] }),
    sysadmin: await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD),
  };
}

export async function closeWorld(w: ComplianceWorld): Promise<void> {
  await w.t.close();
  resetClock();
}
