import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { pdfBytes } from '../../../../test/support/evidenceFiles.ts';
import { createRecord, FIXTURE_PACK_ID, ledgerSnapshot, type LedgerWorld, ledgerWorld, meetingBody } from '../../../../test/support/ledgerFixtures.ts';
import { auditEntries, multipartFile, personIdByName } from '../../../../test/support/orgFixtures.ts';
import type { Client } from '../../../../test/support/testApp.ts';

// 谁主管谁负责 for the ledger: the library's liaison cannot read, change or download the office's
// records and evidence. Every such id answers 404 exactly like one that does not exist; attempts to
// change are refused, recorded as authz.denied, and leave the ledger as it was.

const upload = (client: Client, query: string) =>
  client.request({ method: 'POST', url: `/api/attachments${query}`, ...multipartFile({ filename: 'a.pdf', content: pdfBytes('office'), contentType: 'application/pdf' }) });

describeEachDialect('ledger scope isolation', (dialect) => {
  let w: LedgerWorld;
  let officeRecord: string;
  let officeFile: string;
  let libraryHost: string;
  const missing = '00000000-0000-4000-8000-000000000000';

  beforeEach(async () => {
    w = await ledgerWorld(dialect);
    const officeHost = await personIdByName(w.t, '赵文静');
    libraryHost = await personIdByName(w.t, '姜宏');
    officeFile = (await upload(w.officeLiaison, '')).json().id;
    officeRecord = (await createRecord(w.officeLiaison, meetingBody({ orgId: w.orgs.office, hostId: officeHost, fields: { evidence: [officeFile] } }))).id;
  });
  afterEach(async () => {
    await w.t.close();
  });

  it('answers 404 to every read of another unit, as for an id that does not exist', async () => {
    const reads = [`/api/records/${officeRecord}`, `/api/attachments/${officeFile}`, `/api/attachments/${officeFile}?inline=1`,
      `/api/records?packId=${FIXTURE_PACK_ID}&orgId=${w.orgs.office}`, `/api/records?packId=${FIXTURE_PACK_ID}&orgId=${w.rootId}`];
    for (const url of reads) {
      const res = await w.libraryLiaison.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('赵文静');
    }
    const ghost = await w.libraryLiaison.get(`/api/records/${missing}`);
    expect((await w.libraryLiaison.get(`/api/records/${officeRecord}`)).json()).toEqual(ghost.json());
    const own = (await w.libraryLiaison.get(`/api/records?packId=${FIXTURE_PACK_ID}`)).json();
    expect(own).toEqual({ items: [], total: 0 });
    // The office and the top see it.
    expect((await w.officeLiaison.get(`/api/attachments/${officeFile}`)).statusCode).toBe(200);
    expect((await w.leader.get(`/api/records/${officeRecord}`)).statusCode).toBe(200);
  });

  it('refuses every change to another unit, records the denial and changes nothing', async () => {
    const before = await ledgerSnapshot(w.t);
    const writes: [string, () => Promise<{ statusCode: number }>][] = [
      ['edit', () => w.libraryLiaison.patch(`/api/records/${officeRecord}`, { title: '改' })],
      ['delete', () => w.libraryLiaison.delete(`/api/records/${officeRecord}`)],
      ['restore', () => w.libraryLiaison.post(`/api/records/${officeRecord}/restore`)],
      ['create in the office', () => w.libraryLiaison.post('/api/records', meetingBody({ orgId: w.orgs.office, hostId: libraryHost }))],
      ['move own record out', async () => {
        const own = await createRecord(w.libraryLiaison, meetingBody({ orgId: w.orgs.library, hostId: libraryHost }));
        return w.libraryLiaison.patch(`/api/records/${own.id}`, { orgId: w.orgs.office });
      }],
      ['upload for the office', () => upload(w.libraryLiaison, `?orgId=${w.orgs.office}`)],
    ];
    for (const [name, write] of writes) {
      const res = await write();
      expect(res.statusCode, name).toBe(404);
    }
    const denied = await auditEntries(w.t, 'authz.denied');
    expect(denied.map((d) => d.target_type)).toEqual(['record', 'record', 'record', 'org', 'org', 'org']);
    // Only the library's own record (the one it tried to move) was written.
    const after = await w.t.ctx.db.selectFrom('record').select(['org_id', 'title']).orderBy('created_at').execute();
    expect(after.map((r) => r.org_id)).toEqual([w.orgs.office, w.orgs.library]);
    expect(JSON.parse(await ledgerSnapshot(w.t))[1]).toEqual(JSON.parse(before)[1]);
  });

  it('does not let one unit cite another unit\'s evidence or people', async () => {
    const officePerson = await personIdByName(w.t, '周丽');
    const res = await w.libraryLiaison.post('/api/records', meetingBody({
      orgId: w.orgs.library, hostId: libraryHost, fields: { evidence: [officeFile], attendees: [officePerson], venue_org: w.orgs.office },
    }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details).toEqual([
      { field: 'fields.attendees', message: '出席人员中有人员不存在或不在管辖范围内' },
      { field: 'fields.venue_org', message: '承办单位中有组织不存在或不在管辖范围内' },
      { field: 'fields.evidence', message: '佐证材料中有附件不存在或不在管辖范围内' },
    ]);
  });

  it('lets evidence follow its record: a superior\'s file cited by a unit\'s record downloads for that unit', async () => {
    const topFile = (await upload(w.clerk, '')).json().id;
    expect((await w.libraryLiaison.get(`/api/attachments/${topFile}`)).statusCode).toBe(404);
    await createRecord(w.clerk, meetingBody({ orgId: w.orgs.library, hostId: libraryHost, fields: { evidence: [topFile] } }));
    expect((await w.libraryLiaison.get(`/api/attachments/${topFile}`)).statusCode).toBe(200);
  });
});
