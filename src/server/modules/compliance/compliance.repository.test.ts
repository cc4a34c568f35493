import { afterAll, beforeAll, expect, it } from 'vitest';
import { addBuckets, countSpecs, PeriodCounts } from '../../../core/compliance/counts.ts';
import { periodOf, periodRange, periodsBetween } from '../../../core/compliance/period.ts';
import { type PackRule, packRules } from '../../../core/compliance/rules.ts';
import type { Condition } from '../../../core/pack/schema.ts';
import { FIXTURE_PACK, insertRecords } from '../../../../test/support/complianceFixtures.ts';
import { describeEachDialect, freshDatabase } from '../../../../test/support/dialects.ts';
import type { DbHandle } from '../../db/database.ts';
import { insertOrg } from '../org/org.repository.ts';
import type { OrgRow } from '../org/org.table.ts';
import { aggregateBuckets, listMatchingRecords } from './compliance.repository.ts';
import type { RecordScope } from './recordFilter.ts';

// The SQL aggregate against a naive count in JavaScript, on random records whose fields mix the
// right JSON types with look-alikes (the string "true", the number 1, "1000" for 1000, a bare
// string where a list belongs), deleted records and another pack's records.

const rules = packRules(FIXTURE_PACK);
const fieldsOf = (typeId: string) => FIXTURE_PACK.recordTypes.find((t) => t.id === typeId)!.fields;
const isMultiple = (typeId: string, field: string) => fieldsOf(typeId).find((f) => f.id === field)?.multiple ?? false;

/** An independent reading of a pack condition. */
function matches(typeId: string, fields: Record<string, unknown>, c: Condition): boolean {
  const value = fields[c.field];
  if (typeof c.equals === 'boolean') return value === c.equals;
  const wanted: unknown[] = c.in ?? [c.equals];
  if (isMultiple(typeId, c.field)) return Array.isArray(value) && value.some((v) => wanted.includes(v));
  return (typeof value === 'string' || typeof value === 'number') && wanted.includes(value);
}

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const LOOKALIKES: Record<string, unknown[]> = {
  is_ideology_topic: [true, false, 1, 'true', null],
  kind: ['committee', 'lecture', 'members', 'Committee', 1],
  media_level: ['central', 'provincial', 'municipal', ['central'], ''],
  tags: [['ideology'], ['culture'], ['ideology', 'culture'], [], 'ideology', ['ideology_x']],
  words: [1000, 999, '1000', 1000.5],
};

describeEachDialect('compliance aggregates', (dialect) => {
  let handle: DbHandle;
  let orgs: OrgRow[];
  const records: { orgId: string; typeId: string; occurredOn: string; fields: Record<string, unknown>; deleted: boolean; packId: string }[] = [];

  beforeAll(async () => {
    handle = await freshDatabase(dialect);
    const root = await insertOrg(handle.db, { name: '市委', kind: 'committee', parent: null });
    const district = await insertOrg(handle.db, { name: '区委', kind: 'committee', parent: root });
    orgs = [root, district];
    for (const [name, kind] of [['局党组', 'party_group'], ['支部', 'branch'], ['科室', 'department']] as const) {
      orgs.push(await insertOrg(handle.db, { name, kind, parent: district }));
    }
    orgs.push(await insertOrg(handle.db, { name: '直属单位', kind: 'affiliate', parent: root }));
    const rand = random(dialect === 'sqlite' ? 7 : 11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    for (let i = 0; i < 1500; i++) {
      const type = pick(FIXTURE_PACK.recordTypes);
      const fields: Record<string, unknown> = {};
      for (const f of type.fields) if (rand() < 0.85) fields[f.id] = pick(LOOKALIKES[f.id]!);
      const day = Math.floor(rand() * 800);
      const occurredOn = new Date(Date.UTC(2025, 10, 1) + day * 86_400_000).toISOString().slice(0, 10);
      records.push({ orgId: pick(orgs).id, typeId: type.id, occurredOn, fields, deleted: rand() < 0.05, packId: rand() < 0.05 ? 'other' : FIXTURE_PACK.id });
    }
    await insertRecords(handle.db, records);
  });
  afterAll(() => handle.close());

  const inScope = (orgId: string, scope: RecordScope) =>
    'all' in scope ? true : 'orgId' in scope ? orgId === scope.orgId : orgs.find((o) => o.id === orgId)!.path.startsWith(scope.path);

  function naive(rule: PackRule, orgId: string, period: string): number {
    const { start, end } = periodRange(period);
    return records.filter(
      (r) => r.packId === FIXTURE_PACK.id && !r.deleted && r.orgId === orgId && r.typeId === rule.recordType && r.occurredOn >= start && r.occurredOn <= end &&
        rule.where.every((c) => matches(r.typeId, r.fields, c)),
    ).length;
  }

  async function aggregate(scope: RecordScope, from: string, to: string): Promise<PeriodCounts> {
    const counts = new PeriodCounts();
    for (const bucket of ['month', 'week'] as const) {
      const bucketRules = rules.filter((r) => (r.period === 'week') === (bucket === 'week'));
      const specs = countSpecs(bucketRules);
      const rows = await aggregateBuckets(handle.db, dialect, { packId: FIXTURE_PACK.id, scope, from, to, bucket, specs, fieldsOf });
      addBuckets(counts, rows, bucketRules, specs, bucket);
    }
    return counts;
  }

  it('counts exactly what a naive count finds, for every rule, org and period, whatever the scope', async () => {
    const district = orgs[1]!;
    for (const scope of [{ all: true } as const, { path: district.path }, { orgId: orgs[3]!.id }]) {
      const counts = await aggregate(scope, '2025-12-29', '2027-01-03');
      let checked = 0;
      let counted = 0;
      for (const rule of rules) {
        for (const period of periodsBetween('2026-01-01', '2026-12-31', rule.period)) {
          for (const org of orgs) {
            expect(counts.get(org.id, rule.id, period), `${JSON.stringify(scope)} ${rule.id} ${period} ${org.name}`).toBe(inScope(org.id, scope) ? naive(rule, org.id, period) : 0);
            checked += 1;
            counted += counts.get(org.id, rule.id, period);
          }
        }
      }
      expect(checked).toBe(504);
      if ('all' in scope) expect(counted).toBeGreaterThan(300);
    }
  });

  it('finds every counted record again in the drill-down, and only those', async () => {
    const counts = await aggregate({ all: true }, '2025-12-29', '2027-01-03');
    for (const rule of rules) {
      const period = periodOf('2026-05-15', rule.period);
      const { start, end } = periodRange(period);
      for (const org of orgs) {
        const page = await listMatchingRecords(
          handle.db,
          dialect,
          { packId: FIXTURE_PACK.id, typeIds: [rule.recordType], where: { conditions: rule.where, fields: fieldsOf(rule.recordType) }, from: start, to: end, scope: { orgId: org.id } },
          { limit: 200, offset: 0 },
        );
        expect(page.total, `${rule.id} ${org.name}`).toBe(counts.get(org.id, rule.id, period));
        expect(page.items.every((r) => r.org_id === org.id && r.type_id === rule.recordType && r.occurred_on >= start && r.occurred_on <= end)).toBe(true);
      }
    }
  });
});
