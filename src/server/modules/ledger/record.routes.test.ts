import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { createRecord, FIXTURE_PACK_ID, ledgerSnapshot, type LedgerWorld, ledgerWorld, meetingBody } from '../../../../test/support/ledgerFixtures.ts';
import { auditEntries, personIdByName } from '../../../../test/support/orgFixtures.ts';

describeEachDialect('ledger records', (dialect) => {
  let w: LedgerWorld;
  let host: string;
  beforeEach(async () => {
    w = await ledgerWorld(dialect);
    host = await personIdByName(w.t, '王建国');
  });
  afterEach(async () => {
    await w.t.close();
  });

  describe('create, read, edit, delete', () => {
    it('creates a record with every field kind and shows people, orgs and attachments by name', async () => {
      const attendee = await personIdByName(w.t, '李红梅');
      const body = meetingBody({
        orgId: w.rootId, hostId: host,
        fields: {
          attendees: [attendee, host], minutes: '传达学习上级精神', domains: ['theory', 'news'], headcount: 9, follow_up_due: '2026-04-30',
          first_topic: true, venue_org: w.orgs.publicity, link: 'https://example.gov.cn/a',
        },
      });
      const res = await w.clerk.post('/api/records', body);
      expect(res.statusCode).toBe(200);
      const record = res.json();
      expect(record).toMatchObject({
        packId: FIXTURE_PACK_ID, typeId: 'meeting', typeName: '专题会议', orgId: w.rootId, orgName: '示例市文化广电旅游局党组',
        title: '党组会专题研究意识形态工作', occurredOn: '2026-03-15', deleted: false, deletedAt: null,
        fields: {
          host: { id: host, name: '王建国' },
          attendees: [{ id: attendee, name: '李红梅' }, { id: host, name: '王建国' }],
          topic: '研究部署意识形态工作', meeting_kind: 'party_group', minutes: '传达学习上级精神', domains: ['theory', 'news'],
          headcount: 9, follow_up_due: '2026-04-30', first_topic: true, venue_org: { id: w.orgs.publicity, name: '宣传推广科' },
          link: 'https://example.gov.cn/a',
        },
      });
      expect(record.createdBy).toMatch(/^u[0-9a-f]{8}$/);
      expect((await w.leader.get(`/api/records/${record.id}`)).json()).toEqual(record);

      const [entry] = await auditEntries(w.t, 'record.create');
      expect(entry).toMatchObject({ target_type: 'record', target_id: record.id, org_id: w.rootId });
      expect(entry!.summary).toMatchObject({ title: record.title, type: '专题会议', org: '示例市文化广电旅游局党组', occurredOn: '2026-03-15' });
      expect(entry!.summary.fields).toContain('attendees');
      expect(JSON.stringify(entry!.summary)).not.toContain('传达学习上级精神');
    });

    it('edits by replacing the fields as a whole, revalidates them and audits the names of what changed', async () => {
      const record = await createRecord(w.clerk, meetingBody({ orgId: w.rootId, hostId: host, fields: { minutes: '初稿', headcount: 5 } }));
      const res = await w.clerk.patch(`/api/records/${record.id}`, {
        title: '第一季度专题会议',
        fields: { host, topic: '研究部署意识形态工作', meeting_kind: 'enlarged', minutes: '定稿' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ title: '第一季度专题会议', fields: { meeting_kind: 'enlarged', minutes: '定稿' } });
      expect(res.json().fields.headcount).toBeUndefined();
      const [entry] = await auditEntries(w.t, 'record.update');
      expect(entry!.summary).toEqual({
        title: '第一季度专题会议', type: '专题会议', org: '示例市文化广电旅游局党组',
        changed: ['title', 'fields.minutes', 'fields.meeting_kind', 'fields.headcount'],
      });

      const invalid = await w.clerk.patch(`/api/records/${record.id}`, { fields: { topic: '缺主持人', meeting_kind: 'enlarged' } });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json().error).toMatchObject({ code: 'FIELDS_INVALID', field: 'fields.host', message: '请选择主持人' });

      // Mass assignment: anything but title, date, org and fields is refused.
      const sneaky = await w.clerk.patch(`/api/records/${record.id}`, { createdBy: 'someone', deleted: false });
      expect(sneaky.statusCode).toBe(400);
      const unchanged = await w.clerk.patch(`/api/records/${record.id}`, { title: '第一季度专题会议' });
      expect(unchanged.statusCode).toBe(200);
      expect(await auditEntries(w.t, 'record.update')).toHaveLength(1);
    });

    it('moves a record to another org only where its type applies', async () => {
      const record = await createRecord(w.clerk, meetingBody({ orgId: w.rootId, hostId: host }));
      const moved = await w.clerk.patch(`/api/records/${record.id}`, { orgId: w.orgs.office });
      expect(moved.json()).toMatchObject({ orgId: w.orgs.office, orgName: '办公室' });
      const branch = (await w.sysadmin.post('/api/orgs', { parentId: w.orgs.office, name: '办公室党支部', kind: 'branch' })).json();
      const refused = await w.clerk.patch(`/api/records/${record.id}`, { orgId: branch.id });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toMatchObject({ code: 'TYPE_NOT_APPLICABLE', field: 'orgId', message: '“办公室党支部”（党支部）不记录“专题会议”' });
    });

    it('deletes as an audited tombstone that lists hide, and restores it', async () => {
      const record = await createRecord(w.clerk, meetingBody({ orgId: w.rootId, hostId: host }));
      const deleted = await w.clerk.delete(`/api/records/${record.id}`);
      expect(deleted.statusCode).toBe(200);
      expect(deleted.json()).toMatchObject({ deleted: true, deletedAt: expect.any(String) });
      const row = await w.t.ctx.db.selectFrom('record').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
      expect(row.deleted_by).not.toBeNull();
      expect((await auditEntries(w.t, 'record.delete'))[0]!.summary).toEqual({ title: '党组会专题研究意识形态工作', type: '专题会议', org: '示例市文化广电旅游局党组' });

      const list = (query = '') => w.leader.get(`/api/records?packId=${FIXTURE_PACK_ID}${query}`).then((r) => r.json());
      expect(await list()).toEqual({ items: [], total: 0 });
      expect((await list('&includeDeleted=true')).items.map((i: { id: string }) => i.id)).toEqual([record.id]);
      expect((await w.leader.get(`/api/records/${record.id}`)).json().deleted).toBe(true);

      const edit = await w.clerk.patch(`/api/records/${record.id}`, { title: '改' });
      expect(edit.statusCode).toBe(409);
      expect((await w.clerk.post(`/api/records/${record.id}/restore`)).json().deleted).toBe(false);
      expect((await list()).total).toBe(1);
      // Deleting twice is one tombstone and one entry.
      await w.clerk.delete(`/api/records/${record.id}`);
      await w.clerk.delete(`/api/records/${record.id}`);
      expect(await auditEntries(w.t, 'record.delete')).toHaveLength(2);
      expect(await auditEntries(w.t, 'record.restore')).toHaveLength(1);
    });
  });

  describe('validation', () => {
    it('refuses a type the org kind does not keep, an unknown type, an unknown field and a bad value, writing nothing', async () => {
      const before = await ledgerSnapshot(w.t);
      const cases: [Record<string, unknown>, number, Record<string, string>][] = [
        [{ ...meetingBody({ orgId: w.rootId, hostId: host }), typeId: 'branch_meeting', fields: { kind: 'members' } }, 422,
          { code: 'TYPE_NOT_APPLICABLE', field: 'orgId', message: '“示例市文化广电旅游局党组”（党组）不记录“三会一课”' }],
        [{ ...meetingBody({ orgId: w.rootId, hostId: host }), typeId: 'party_tea' }, 422, { code: 'RECORD_TYPE_UNKNOWN', field: 'typeId' }],
        [{ ...meetingBody({ orgId: w.rootId, hostId: host }), packId: 'other' }, 422, { code: 'PACK_UNKNOWN', field: 'packId' }],
        [meetingBody({ orgId: w.rootId, hostId: host, fields: { score: 5 } }), 422,
          { code: 'FIELDS_INVALID', field: 'fields.score', message: '“专题会议”没有字段“score”' }],
        [meetingBody({ orgId: w.rootId, hostId: host, fields: { headcount: 1000 } }), 422,
          { code: 'FIELDS_INVALID', field: 'fields.headcount', message: '参加人数不能大于500' }],
        [meetingBody({ orgId: w.rootId, hostId: 'no-such-person' }), 422,
          { code: 'FIELDS_INVALID', field: 'fields.host', message: '主持人中有人员不存在或不在管辖范围内' }],
        [meetingBody({ orgId: w.rootId, hostId: host, fields: { evidence: ['no-such-file'] } }), 422,
          { code: 'FIELDS_INVALID', field: 'fields.evidence', message: '佐证材料中有附件不存在或不在管辖范围内' }],
        [meetingBody({ orgId: w.rootId, hostId: host, occurredOn: '2026-02-30' }), 400, { code: 'VALIDATION', field: 'occurredOn' }],
        [meetingBody({ orgId: w.rootId, hostId: host, title: '  ' }), 400, { code: 'VALIDATION', field: 'title' }],
      ];
      for (const [body, status, error] of cases) {
        const res = await w.clerk.post('/api/records', body);
        expect(res.statusCode, JSON.stringify(body)).toBe(status);
        expect(res.json().error).toMatchObject(error);
      }
      await w.sysadmin.post(`/api/orgs/${w.orgs.publicity}/deactivate`);
      const stopped = await w.clerk.post('/api/records', meetingBody({ orgId: w.orgs.publicity, hostId: host }));
      expect(stopped.json().error).toMatchObject({ code: 'ORG_INACTIVE', field: 'orgId', message: '组织“宣传推广科”已停用，不能记录台账' });
      const all = await w.clerk.post('/api/records', { ...meetingBody({ orgId: w.rootId, hostId: host }), fields: {} });
      expect(all.json().error.details).toEqual([
        { field: 'fields.host', message: '请选择主持人' },
        { field: 'fields.topic', message: '请填写议题' },
        { field: 'fields.meeting_kind', message: '请选择会议类型' },
      ]);
      expect(await ledgerSnapshot(w.t)).toBe(before);
    });

    it('lets the ledger keepers write, the others only read, and the administrators neither', async () => {
      const body = meetingBody({ orgId: w.rootId, hostId: host });
      expect((await w.leader.post('/api/records', body)).statusCode).toBe(403);
      expect((await w.sysadmin.get(`/api/records?packId=${FIXTURE_PACK_ID}`)).statusCode).toBe(403);
      expect((await w.leader.get(`/api/records?packId=${FIXTURE_PACK_ID}`)).statusCode).toBe(200);
      const officeHost = await personIdByName(w.t, '赵文静');
      expect((await w.officeLiaison.post('/api/records', meetingBody({ orgId: w.orgs.office, hostId: officeHost }))).statusCode).toBe(200);
      // The bureau's secretary is outside the office's scope: the office cannot name him.
      const res = await w.officeLiaison.post('/api/records', meetingBody({ orgId: w.orgs.office, hostId: host }));
      expect(res.json().error).toMatchObject({ code: 'FIELDS_INVALID', field: 'fields.host' });
    });
  });
});
