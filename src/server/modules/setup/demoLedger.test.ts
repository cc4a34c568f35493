import { afterAll, beforeAll, expect, it } from 'vitest';
import { appliesToKind, checkFields } from '../../../core/ledger/fields.ts';
import { createPackRegistry } from '../../../core/pack/registry.ts';
import { Pack } from '../../../core/pack/schema.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { createTestApp, DEMO_PASSWORD, loggedIn, setupInstance, type TestApp } from '../../../../test/support/testApp.ts';
import { fromJson } from '../../db/database.ts';
import { now } from '../../platform/clock.ts';

// The demo ledger on the shipped ideology pack: valid records of the types each unit keeps, over
// last year and this year up to today, with the deliberate gaps the compliance pages show.

const cstToday = () => new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describeEachDialect('demo ledger', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await setupInstance(t.app, { demo: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('holds valid records of every unit, of types their kind keeps, dated last year up to today', async () => {
    const records = await t.ctx.db.selectFrom('record').innerJoin('org', 'org.id', 'record.org_id').selectAll('record').select('org.kind').execute();
    expect(records.length).toBeGreaterThan(300);
    const today = cstToday();
    const firstDay = `${Number(today.slice(0, 4)) - 1}-01-01`;
    for (const r of records) {
      const type = t.ctx.packs.recordType(r.pack_id, r.type_id)!;
      expect(type, r.type_id).toBeDefined();
      expect(appliesToKind(type, r.kind), `${r.type_id} at ${r.kind}`).toBe(true);
      expect(checkFields(type, fromJson(r.fields)).issues, `${r.type_id} ${r.title}`).toEqual([]);
      expect(r.occurred_on >= firstDay && r.occurred_on <= today, r.occurred_on).toBe(true);
    }
    const units = new Set(records.map((r) => r.org_id));
    expect(units.size).toBe(12);
    expect(new Set(records.map((r) => r.type_id)).size).toBeGreaterThan(15);
  });

  it('leaves the gaps the dashboards talk about', async () => {
    const today = cstToday();
    const year = Number(today.slice(0, 4));
    const root = await t.ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const ofType = (type: string, y: number) => t.ctx.db.selectFrom('record').select('occurred_on').where('type_id', '=', type)
      .where('org_id', '=', root.id).where('occurred_on', 'like', `${y}-%`).execute();
    const quarters = (rows: { occurred_on: string }[]) => new Set(rows.map((r) => Math.ceil(Number(r.occurred_on.slice(5, 7)) / 3)));
    const month = Number(today.slice(5, 7));
    const meetings = [quarters(await ofType('topic_meeting', year - 1)), quarters(await ofType('topic_meeting', year))];
    if (month > 6) expect(meetings[1]!.has(2)).toBe(false);
    else expect(meetings[0]!.has(3)).toBe(false);
    expect(await ofType('situation_analysis', year)).toHaveLength(1);
    expect(await ofType('situation_analysis', year - 1)).toHaveLength(4);
    const studyMonths = new Set((await ofType('central_group_study', year - 1)).map((r) => r.occurred_on.slice(5, 7)));
    expect(studyMonths.has('08')).toBe(false);
    expect(studyMonths.size).toBe(11);
  });

  it('shows up in the list for the leader, with evidence the unit can open', async () => {
    const leader = await loggedIn(t.app, 'leader', DEMO_PASSWORD);
    const list = (await leader.get('/api/records?typeId=topic_meeting&pageSize=1')).json();
    expect(list.total).toBeGreaterThan(3);
    const [meeting] = list.items;
    expect(meeting.fields.host).toEqual({ id: expect.any(String), name: '王建国' });
    const evidence = meeting.fields.minutes[0];
    expect(evidence).toMatchObject({ name: '演示佐证材料.pdf', mime: 'application/pdf' });
    const file = await leader.get(`/api/attachments/${evidence.id}?inline=1`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describeEachDialect('demo ledger against a different pack', (dialect) => {
  it('skips what the pack lacks and never breaks set-up', async () => {
    const pack = Pack.parse({
      id: 'ideology', name: '精简制度包', version: 1, rules: [], metrics: [],
      recordTypes: [{ id: 'topic_meeting', name: '专题会议', category: '会议', orgKinds: ['party_group'], fields: [{ id: 'host', label: '主持人', type: 'people', required: true }, { id: 'agenda_scope', label: '方式', type: 'choice', required: true, options: [{ value: 'whole', label: '专题' }, { value: 'part', label: '议题之一' }] }] }],
    });
    const t = await createTestApp(dialect, { packs: createPackRegistry([pack]) });
    await setupInstance(t.app, { demo: true });
    const rows = await t.ctx.db.selectFrom('record').select(['type_id', 'fields']).execute();
    expect(rows.length).toBeGreaterThan(3);
    expect(new Set(rows.map((r) => r.type_id))).toEqual(new Set(['topic_meeting']));
    // The plan's pinned value is not among this pack's options: one of them is drawn instead.
    expect(rows.every((r) => ['whole', 'part'].includes(fromJson<Record<string, string>>(r.fields).agenda_scope!))).toBe(true);
    await t.close();
  });
});
