import { createPackRegistry, type PackRegistry } from '../../src/core/pack/registry.ts';
import { Pack } from '../../src/core/pack/schema.ts';
import { type Dialect } from '../../src/server/db/database.ts';
import { ADMIN_PASSWORD, createTestApp, loggedIn, setupInstance, type Client, type TestApp } from './testApp.ts';
import { accountIn, orgIdByCode } from './orgFixtures.ts';

// A small in-memory pack for the ledger's tests, independent of the shipped `ideology` pack: one
// record type carrying every field kind, one kept by branches only, one with nothing but a title.

export const FIXTURE_PACK_ID = 'fixture';

export const fixturePack: Pack = Pack.parse({
  id: FIXTURE_PACK_ID,
  name: '测试制度包',
  version: 1,
  recordTypes: [
    {
      id: 'meeting',
      name: '专题会议',
      category: '会议学习',
      orgKinds: ['party_group', 'committee', 'department', 'affiliate'],
      titleLabel: '会议名称',
      dateLabel: '会议日期',
      fields: [
        { id: 'host', label: '主持人', type: 'people', required: true },
        { id: 'attendees', label: '出席人员', type: 'people', multiple: true },
        { id: 'topic', label: '议题', type: 'text', required: true, maxLength: 20 },
        { id: 'minutes', label: '会议纪要', type: 'longtext' },
        { id: 'meeting_kind', label: '会议类型', type: 'choice', required: true, options: [
          { value: 'party_group', label: '党组会' }, { value: 'enlarged', label: '扩大会' },
        ] },
        { id: 'domains', label: '研判领域', type: 'choice', multiple: true, options: [
          { value: 'theory', label: '思想理论' }, { value: 'news', label: '新闻舆论' }, { value: 'online', label: '网上舆情' },
        ] },
        { id: 'headcount', label: '参加人数', type: 'number', min: 1, max: 500, unit: '人' },
        { id: 'follow_up_due', label: '整改期限', type: 'date' },
        { id: 'first_topic', label: '是否第一议题', type: 'boolean' },
        { id: 'venue_org', label: '承办单位', type: 'org' },
        { id: 'link', label: '报道链接', type: 'url' },
        { id: 'evidence', label: '佐证材料', type: 'attachments', multiple: true },
      ],
    },
    {
      id: 'branch_meeting',
      name: '三会一课',
      category: '会议学习',
      orgKinds: ['branch'],
      fields: [{ id: 'kind', label: '类型', type: 'choice', required: true, options: [{ value: 'members', label: '党员大会' }] }],
    },
    { id: 'note', name: '工作记录', category: '其他', fields: [] },
  ],
  rules: [],
  metrics: [],
});

export const fixturePacks = (): PackRegistry => createPackRegistry([fixturePack]);

/** The demo bureau with the fixture pack, and clients for the roles the ledger tests need. */
export interface LedgerWorld {
  t: TestApp;
  rootId: string;
  /** Codes D01 办公室, D05 宣传推广科, A01 市图书馆. */
  orgs: { office: string; publicity: string; library: string };
  /** A clerk at the top: writes records for every unit. */
  clerk: Client;
  /** A liaison of 办公室 (D01) only. */
  officeLiaison: Client;
  /** A liaison of 市图书馆 (A01) only. */
  libraryLiaison: Client;
  /** The leader at the top: reads everything, writes nothing. */
  leader: Client;
  sysadmin: Client;
}

export async function ledgerWorld(dialect: Dialect, opts: { maxUploadBytes?: number } = {}): Promise<LedgerWorld> {
  const t = await createTestApp(dialect, { packs: fixturePacks(), config: opts.maxUploadBytes ? { maxUploadBytes: opts.maxUploadBytes } : {} });
  const { orgId } = await setupInstance(t.app, { demo: true });
  const orgs = { office: await orgIdByCode(t, 'D01'), publicity: await orgIdByCode(t, 'D05'), library: await orgIdByCode(t, 'A01') };
  return {
    t,
    rootId: orgId,
    orgs,
    clerk: await accountIn(t, { orgId, roles: ['clerk'] }),
    officeLiaison: await accountIn(t, { orgId: orgs.office, roles: ['liaison'] }),
    libraryLiaison: await accountIn(t, { orgId: orgs.library, roles: ['liaison'] }),
    leader: await accountIn(t, { orgId, roles: ['leader'] }),
    sysadmin: await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD),
  };
}

/** A valid 专题会议 for `orgId`, hosted by `hostId`, with any part replaced. */
export function meetingBody(opts: { orgId: string; hostId: string; title?: string; occurredOn?: string; fields?: Record<string, unknown> }) {
  return {
    packId: FIXTURE_PACK_ID,
    typeId: 'meeting',
    orgId: opts.orgId,
    title: opts.title ?? '党组会专题研究意识形态工作',
    occurredOn: opts.occurredOn ?? '2026-03-15',
    fields: { host: opts.hostId, topic: '研究部署意识形态工作', meeting_kind: 'party_group', ...opts.fields },
  };
}

/** Creates a record through the API as `client`; fails the test on anything but 200. */
export async function createRecord(client: Client, body: Record<string, unknown>): Promise<{ id: string } & Record<string, unknown>> {
  const res = await client.post('/api/records', body);
  if (res.statusCode !== 200) throw new Error(`create record failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A snapshot of every ledger row, to compare before and after a refused write. */
export async function ledgerSnapshot(t: TestApp): Promise<string> {
  const db = t.ctx.db;
  const parts = await Promise.all([
    db.selectFrom('record').selectAll().orderBy('id').execute(),
    db.selectFrom('attachment').selectAll().orderBy('id').execute(),
    db.selectFrom('record_attachment').selectAll().orderBy('record_id').orderBy('attachment_id').execute(),
  ]);
  return JSON.stringify(parts);
}
