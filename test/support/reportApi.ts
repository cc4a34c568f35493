import { blockPlainText, type DraftBlock } from '../../src/core/report/draftModel.ts';
import { pdfBytes } from './evidenceFiles.ts';
import { multipartFile } from './orgFixtures.ts';
import type { ReportWorld } from './reportWorld.ts';
import type { Client, TestApp } from './testApp.ts';

// What the report API tests do through the API besides drafting: put records into the demo ledger,
// find a block by what it says, take snapshots of the report tables to prove a refused write
// changed nothing.

export interface ReportJson {
  id: string;
  status: string;
  title: string;
  currentVersion: number;
  version: number;
  document: { title: string | null; blocks: (DraftBlock & { edited: boolean; stale: boolean })[] };
  provenance: Record<string, { kind: string; metricId: string | null; value: string; recordCount: number }>;
  versions: { n: number; generation: number; note: string | null }[];
  submittedRecordId: string | null;
}

/** The first block whose printed text contains `needle`. */
export function blockWith(report: ReportJson, needle: string | RegExp) {
  const block = report.document.blocks.find((b) => (typeof needle === 'string' ? blockPlainText(b).includes(needle) : needle.test(blockPlainText(b))));
  if (!block) throw new Error(`no block with ${String(needle)}`);
  return block;
}

export const textOfBlock = (report: ReportJson, blockId: string): string => blockPlainText(report.document.blocks.find((b) => b.id === blockId)!);

/** The run id and printed value of a metric in the report's current version. */
export function figureOf(report: ReportJson, metricId: string): { runId: string; value: string } {
  const entry = Object.entries(report.provenance).find(([, p]) => p.metricId === metricId);
  if (!entry) throw new Error(`no figure of ${metricId}`);
  return { runId: entry[0], value: entry[1].value };
}

/** A person of the org, by the database (the demo bureau's people are not named in the tests). */
export async function someoneIn(t: TestApp, orgId: string): Promise<string> {
  const row = await t.ctx.db.selectFrom('person').select('id').where('org_id', '=', orgId).orderBy('name').executeTakeFirstOrThrow();
  return row.id;
}

/** A dedicated party-group meeting on ideology work (what topic_meeting.dedicated.count counts), with its minutes. */
export async function addTopicMeeting(client: Client, t: TestApp, orgId: string, occurredOn: string, title = '党组会专题研究意识形态工作（补录）') {
  const file = await client.request({ method: 'POST', url: `/api/attachments?orgId=${orgId}`, ...multipartFile({ filename: '纪要.pdf', content: pdfBytes(title), contentType: 'application/pdf' }) });
  if (file.statusCode !== 200) throw new Error(`upload failed: ${file.statusCode} ${file.body}`);
  const host = await someoneIn(t, orgId);
  const res = await client.post('/api/records', {
    packId: 'ideology', typeId: 'topic_meeting', orgId, title, occurredOn,
    fields: { meeting_kind: 'party_group_meeting', agenda_scope: 'dedicated', host, attendees: [host], agenda: '研究意识形态工作', minutes: [file.json().id] },
  });
  if (res.statusCode !== 200) throw new Error(`record failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/** Every row of the report tables and the ledger's records: equal before and after = nothing written. */
export async function reportSnapshot(t: TestApp): Promise<string> {
  const db = t.ctx.db;
  const parts = await Promise.all([
    db.selectFrom('report_template').selectAll().orderBy('id').execute(),
    db.selectFrom('report_draft').selectAll().orderBy('id').execute(),
    db.selectFrom('report_generation').select(['draft_id', 'n', 'created_at']).orderBy('draft_id').orderBy('n').execute(),
    db.selectFrom('report_version').select(['draft_id', 'n', 'generation', 'edits', 'note']).orderBy('draft_id').orderBy('n').execute(),
    db.selectFrom('record').select(['id', 'org_id', 'type_id', 'title', 'deleted_at']).orderBy('id').execute(),
  ]);
  return JSON.stringify(parts);
}

/** The audit entries about one target, oldest first, summaries as stored. */
export async function auditOf(t: TestApp, targetId: string) {
  return t.ctx.db.selectFrom('audit_log').select(['action', 'target_type', 'result']).where('target_id', '=', targetId).orderBy('seq').execute();
}

/** The demo's top-level annual report for 2025, drafted by the top clerk. */
export async function annualDraft(w: ReportWorld, orgId = w.orgs.root, client = w.clerk): Promise<ReportJson> {
  const res = await client.post('/api/reports', { orgId, templateId: 'annual_report', period: { kind: 'year', year: 2025 }, issueDate: '2026-01-10' });
  if (res.statusCode !== 200) throw new Error(`draft failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
