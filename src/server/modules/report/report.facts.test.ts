import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase } from '../../../../test/support/dialects.ts';
import { createPackRegistry } from '../../../core/pack/registry.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import { resolvePeriod } from '../../../core/report/draftPeriod.ts';
import { normalizeTemplate, ReportTemplateInput } from '../../../core/report/templateModel.ts';
import { loadConfig } from '../../config.ts';
import type { DbHandle } from '../../db/database.ts';
import { createAppContext, type AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { computeMetric } from '../metrics/metric.service.ts';
import { insertOrg } from '../org/org.repository.ts';
import type { OrgRow } from '../org/org.table.ts';
import { loadPackDir } from '../pack/pack.loader.ts';
import { loadFacts } from './report.facts.ts';

// The facts a draft prints are the metrics' figures: counts, filtered counts, sums and distinct
// counts over records whose fields hold odd values (strings for numbers, nulls, missing fields,
// lists), record lists oldest first — the same whichever way report.facts.repository.ts fetches them.

const pack: Pack = loadPackDir(path.resolve(import.meta.dirname, '../../../../packs/ideology')).pack!;
const METRICS = ['central_group_study.count', 'central_group_study.ideology.count', 'central_group_study.hours', 'study_output.count', 'study_output.authors', 'topic_meeting.dedicated.count'];
const template = normalizeTemplate('t', ReportTemplateInput.parse({
  name: '测试', kind: 'custom', periodKind: 'year',
  sections: [{
    heading: '情况',
    paragraphs: [
      ...METRICS.map((id) => `共{{metric:${id}}}。`),
      '学习了{{records:central_group_study limit=2}}。',
      '形成了{{records:study_output quote=book}}。',
    ],
  }],
}));

describeEachDialect('report facts', (dialect) => {
  let handle: DbHandle;
  let ctx: AppContext;
  let top: OrgRow;
  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    ctx = createAppContext(handle, { ...loadConfig({}), webDir: null }, Buffer.alloc(32, 1), createPackRegistry([pack]));
    top = await insertOrg(handle.db, { name: '示例局党组', kind: 'party_group', parent: null });
    const unit = await insertOrg(handle.db, { name: '示例科', kind: 'department', parent: top });
    const rows: [string, string, string, Record<string, unknown>][] = [
      ['central_group_study', '2025-03-01', '三月学习', { duration_hours: 2, ideology_topic: true }],
      ['central_group_study', '2025-03-01', '三月学习', { duration_hours: 1.5, ideology_topic: 'true' }],
      ['central_group_study', '2025-01-05', '一月学习', { duration_hours: '3', ideology_topic: 1 }],
      ['central_group_study', '2025-06-01', '六月学习', { duration_hours: null }],
      ['central_group_study', '2025-07-01', '七月学习', {}],
      ['central_group_study', '2025-08-01', '八月学习', { duration_hours: true, ideology_topic: false }],
      ['central_group_study', '2024-12-31', '去年学习', { duration_hours: 100 }],
      ['study_output', '2025-02-01', '体会甲', { author: 'p1' }],
      ['study_output', '2025-02-02', '体会乙', { author: 'p1' }],
      ['study_output', '2025-02-03', '体会丙', { author: 5 }],
      ['study_output', '2025-02-04', '体会丁', { author: '5' }],
      ['study_output', '2025-02-05', '体会戊', { author: '' }],
      ['study_output', '2025-02-06', '体会己', { author: null }],
      ['study_output', '2025-02-07', '体会庚', { author: ['p2', 'p3'] }],
      ['topic_meeting', '2025-04-01', '专题会', { agenda_scope: 'dedicated' }],
      ['topic_meeting', '2025-05-01', '议题之一', { agenda_scope: 'included' }],
    ];
    await handle.db.insertInto('record').values(rows.map(([type, date, title, fields], i) => ({
      id: newId(), pack_id: 'ideology', type_id: type, org_id: i % 2 === 0 ? top.id : unit.id, title, occurred_on: date,
      fields: JSON.stringify(fields), search_text: title, created_by: null, created_at: '2025-01-01T00:00:00.000Z', updated_by: null,
      updated_at: '2025-01-01T00:00:00.000Z', deleted_at: null, deleted_by: null,
    }))).execute();
  });
  afterAll(() => handle.close());

  it('gives every metric the value and records of the metrics service, and lists records oldest first', async () => {
    const period = resolvePeriod({ kind: 'year', year: 2025 });
    if (typeof period === 'string') throw new Error(period);
    const facts = await loadFacts(ctx, { pack, template, org: top, period, issueDate: '2026-01-10' });
    for (const metricId of METRICS) {
      const expected = await computeMetric(ctx, { packId: 'ideology', metricId, orgId: top.id, from: '2025-01-01', to: '2025-12-31' });
      expect({ metricId, value: facts.metrics[metricId]!.value, ids: facts.metrics[metricId]!.recordIds }).toEqual({ metricId, value: expected.value, ids: expected.recordIds });
    }
    expect(facts.metrics['central_group_study.hours']!.value).toBe(3.5);
    expect(facts.metrics['central_group_study.hours']!.recordIds).toHaveLength(2);
    expect(facts.metrics['study_output.authors']!.value).toBe(5);
    expect(facts.metrics['topic_meeting.dedicated.count']!.value).toBe(1);
    expect(facts.metrics['central_group_study.ideology.count']!.value).toBe(1);
    const studies = Object.entries(facts.records).find(([key]) => key.startsWith('records:central_group_study'))![1];
    expect(studies.items.map((i) => [i.occurredOn, i.title])).toEqual([
      ['2025-01-05', '一月学习'], ['2025-03-01', '三月学习'], ['2025-03-01', '三月学习'], ['2025-06-01', '六月学习'], ['2025-07-01', '七月学习'], ['2025-08-01', '八月学习'],
    ]);
    expect(studies.items.map((i) => i.id)).toEqual(facts.metrics['central_group_study.count']!.recordIds);
  });
});
