import { blockPlainText, type DraftBlock } from '../../src/core/report/draftModel.ts';
import { resetClock } from '../../src/server/platform/clock.ts';
import type { Dialect } from '../../src/server/db/database.ts';
import { setBusinessToday } from './complianceWorld.ts';
import { accountIn, orgIdByCode } from './orgFixtures.ts';
import { type Client, createTestApp, setupInstance, type TestApp } from './testApp.ts';

// The demo bureau with its ledger (last year and this year to date) on the shipped ideology pack,
// on a fixed business date, with the accounts the report tests need.

export interface ReportWorld {
  t: TestApp;
  /** 示例市文化广电旅游局党组 (root), 办公室 D01, 市图书馆 A01. */
  orgs: { root: string; office: string; library: string };
  /** At the top: a clerk (drafts, submits), a leader (approves), an inspector and a viewer (read). */
  clerk: Client;
  leader: Client;
  inspector: Client;
  viewer: Client;
  /** 市图书馆 only: a clerk and a leader. */
  libraryClerk: Client;
  libraryLeader: Client;
}

export async function reportWorld(dialect: Dialect, today = '2026-03-16'): Promise<ReportWorld> {
  setBusinessToday(today);
  const t = await createTestApp(dialect);
  const { orgId: root } = await setupInstance(t.app, { demo: true });
  const orgs = { root, office: await orgIdByCode(t, 'D01'), library: await orgIdByCode(t, 'A01') };
  return {
    t, orgs,
    clerk: await accountIn(t, { orgId: root, roles: ['clerk'], username: 'top_clerk' }),
    leader: await accountIn(t, { orgId: root, roles: ['leader'], username: 'top_leader' }),
    inspector: await accountIn(t, { orgId: root, roles: ['inspector'], username: 'top_inspector' }),
    viewer: await accountIn(t, { orgId: root, roles: ['viewer'], username: 'top_viewer' }),
    libraryClerk: await accountIn(t, { orgId: orgs.library, roles: ['clerk'], username: 'library_clerk' }),
    libraryLeader: await accountIn(t, { orgId: orgs.library, roles: ['leader'], username: 'library_leader' }),
  };
}

export async function closeReportWorld(w: ReportWorld): Promise<void> {
  await w.t.close();
  resetClock();
}

/** Drafts a report through the API and returns its JSON, failing loudly on anything but 200. */
export async function draftReport(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/reports', body);
  if (res.statusCode !== 200) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A report's title and blocks as printed, a block a line. */
export const plainText = (report: { document: { title: string | null; blocks: DraftBlock[] } }): string =>
  [report.document.title ?? '', ...report.document.blocks.map(blockPlainText)].join('\n');
