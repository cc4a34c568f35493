import { randomUUID } from 'node:crypto';
import { createPackRegistry } from '../../src/core/pack/registry.ts';
import { Pack } from '../../src/core/pack/schema.ts';
import type { Db } from '../../src/server/db/database.ts';
import type { AppContext } from '../../src/server/platform/context.ts';

// Fixtures for compliance, metrics and reminders: a small pack that exercises every period kind and
// every kind of condition (boolean, choice, multiple choice, number), and records written straight
// into the `record` table, independent of the ledger module's routes. Only type imports from the
// server: the pure core's tests use the pack too.

/** A small responsibility system: every period kind, filtered and unfiltered rules, a shipped-off rule. */
export const FIXTURE_PACK: Pack = Pack.parse({
  id: 'compliance_fixture',
  name: '落实情况测试制度包',
  version: 1,
  recordTypes: [
    {
      id: 'topic_meeting', name: '专题会议', category: '会议学习', orgKinds: ['party_group', 'committee'],
      fields: [{ id: 'is_ideology_topic', label: '是否专题研究意识形态工作', type: 'boolean' }],
    },
    { id: 'situation_analysis', name: '分析研判', category: '会议学习' },
    {
      id: 'branch_meeting', name: '三会一课', category: '组织生活',
      fields: [{
        id: 'kind', label: '类型', type: 'choice', required: true,
        options: [{ value: 'committee', label: '支委会' }, { value: 'members', label: '党员大会' }, { value: 'group', label: '党小组会' }, { value: 'lecture', label: '党课' }],
      }],
    },
    {
      id: 'article', name: '信息报送', category: '宣传',
      fields: [
        { id: 'media_level', label: '媒体级别', type: 'choice', options: [{ value: 'central', label: '中央' }, { value: 'provincial', label: '省级' }, { value: 'municipal', label: '市级' }] },
        { id: 'tags', label: '标签', type: 'choice', multiple: true, options: [{ value: 'ideology', label: '意识形态' }, { value: 'culture', label: '文化' }] },
        { id: 'words', label: '字数', type: 'number', unit: '字' },
      ],
    },
    { id: 'report_up', name: '专题汇报', category: '报告' },
    { id: 'opinion_bulletin', name: '舆情周报', category: '舆情', orgKinds: ['party_group'] },
    { id: 'outlet_check', name: '阵地巡查', category: '阵地' },
  ],
  rules: [
    { id: 'R-TOPIC', name: '专题研究意识形态工作', basis: '每季度至少专题研究一次', recordType: 'topic_meeting', where: [{ field: 'is_ideology_topic', equals: true }], period: 'quarter', min: 1, dutyRole: 'first_responsible' },
    { id: 'R-ANALYSIS', name: '分析研判', basis: '每年至少研判两次', recordType: 'situation_analysis', period: 'year', min: 2, orgKinds: ['party_group', 'committee'], dutyRole: 'direct' },
    { id: 'R-COMMITTEE', name: '支委会', basis: '每月召开支委会', recordType: 'branch_meeting', where: [{ field: 'kind', equals: 'committee' }], period: 'month', min: 1, orgKinds: ['branch', 'department', 'affiliate'] },
    { id: 'R-LECTURE', name: '党课', basis: '每季度至少一次党课', recordType: 'branch_meeting', where: [{ field: 'kind', in: ['lecture'] }], period: 'quarter', min: 1, orgKinds: ['branch', 'department', 'affiliate'] },
    { id: 'R-REPORT', name: '专题汇报', basis: '每半年向上级汇报一次', recordType: 'report_up', period: 'half_year', min: 1 },
    { id: 'R-WEEKLY', name: '舆情周报', basis: '每周报送舆情周报', recordType: 'opinion_bulletin', period: 'week', min: 1 },
    { id: 'R-HIGH-MEDIA', name: '省级以上媒体采用', basis: '每年省级以上媒体采用不少于3篇', recordType: 'article', where: [{ field: 'media_level', in: ['central', 'provincial'] }], period: 'year', min: 3 },
    { id: 'R-TAGGED', name: '意识形态主题信息', basis: '每半年至少一篇意识形态主题信息', recordType: 'article', where: [{ field: 'tags', equals: 'ideology' }], period: 'half_year', min: 1 },
    { id: 'R-LONG', name: '千字稿件', basis: '测试数字条件', recordType: 'article', where: [{ field: 'words', equals: 1000 }], period: 'year', min: 1, enabled: false },
    { id: 'R-OUTLET', name: '阵地巡查', basis: '每季度巡查一次（选用）', recordType: 'outlet_check', period: 'quarter', min: 1, enabled: false },
  ],
  metrics: [
    { id: 'article.count', name: '报送信息', recordType: 'article', aggregate: 'count', unit: '篇' },
    { id: 'article.words', name: '报送字数', recordType: 'article', aggregate: 'sum', field: 'words', unit: '字' },
    { id: 'article.media_levels', name: '采用媒体级别数', recordType: 'article', aggregate: 'distinct', field: 'media_level', unit: '级' },
    { id: 'article.tags', name: '信息标签数', recordType: 'article', aggregate: 'distinct', field: 'tags', unit: '个' },
    { id: 'branch_meeting.lectures', name: '党课', recordType: 'branch_meeting', aggregate: 'count', where: [{ field: 'kind', equals: 'lecture' }], unit: '次' },
  ],
});

/** Makes `pack` available to the app behind `ctx` (beside the packs it already runs with). */
export function withPack(ctx: AppContext, pack: Pack = FIXTURE_PACK): void {
  ctx.packs = createPackRegistry([...ctx.packs.all().filter((p) => p.id !== pack.id), pack]);
}

export interface FixtureRecord {
  orgId: string;
  typeId: string;
  occurredOn: string;
  fields?: Record<string, unknown>;
  title?: string;
  packId?: string;
  deleted?: boolean;
}

/** Inserts records directly (bypassing the ledger routes); returns their ids in order. */
export async function insertRecords(db: Db, records: readonly FixtureRecord[]): Promise<string[]> {
  const ids = records.map(() => randomUUID());
  const at = '2026-01-01T00:00:00.000Z';
  const rows = records.map((r, i) => ({
    id: ids[i]!, pack_id: r.packId ?? FIXTURE_PACK.id, type_id: r.typeId, org_id: r.orgId, title: r.title ?? `${r.typeId} ${r.occurredOn}`,
    occurred_on: r.occurredOn, fields: JSON.stringify(r.fields ?? {}), search_text: '', created_by: null, created_at: at, updated_by: null,
    updated_at: at, deleted_at: r.deleted ? at : null, deleted_by: null,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('record').values(rows.slice(i, i + 200)).execute();
  return ids;
}
