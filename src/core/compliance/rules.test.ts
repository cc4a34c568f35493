import { describe, expect, it } from 'vitest';
import { FIXTURE_PACK } from '../../../test/support/complianceFixtures.ts';
import { addBuckets, countSpecs, PeriodCounts } from './counts.ts';
import { effectiveRules, packRules, type PathOverride, visibleRules } from './rules.ts';

const rules = packRules(FIXTURE_PACK);
const byId = (list: { rule: { id: string } }[], id: string) => list.find((r) => r.rule.id === id)!;
const override = (o: Partial<PathOverride> & Pick<PathOverride, 'ruleId' | 'depth'>): PathOverride => ({
  orgId: `org${o.depth}`, orgName: `组织${o.depth}`, min: null, enabled: true, reason: '本地细则', ...o,
});

describe('rules in effect', () => {
  it('takes the org kinds from the record type when the rule names none', () => {
    expect(rules.find((r) => r.id === 'R-TOPIC')!.orgKinds).toEqual(['party_group', 'committee']);
    expect(rules.find((r) => r.id === 'R-ANALYSIS')!.orgKinds).toEqual(['party_group', 'committee']);
    expect(rules.find((r) => r.id === 'R-REPORT')!.orgKinds).toBeNull();
  });

  it('keeps the pack defaults without overrides', () => {
    const eff = effectiveRules(rules, []);
    expect(byId(eff, 'R-ANALYSIS')).toMatchObject({ min: 2, enabled: true, override: null });
    expect(byId(eff, 'R-OUTLET')).toMatchObject({ enabled: false, override: null });
  });

  it('changes a threshold, keeps the pack threshold when min is null, and switches rules off and on', () => {
    const eff = effectiveRules(rules, [
      override({ ruleId: 'R-ANALYSIS', depth: 0, min: 4, reason: '本省细则要求每季度研判' }),
      override({ ruleId: 'R-REPORT', depth: 0, enabled: false }),
      override({ ruleId: 'R-OUTLET', depth: 0, enabled: true }),
    ]);
    expect(byId(eff, 'R-ANALYSIS')).toMatchObject({ min: 4, enabled: true, override: { orgName: '组织0', min: 4, reason: '本省细则要求每季度研判' } });
    expect(byId(eff, 'R-REPORT')).toMatchObject({ min: 1, enabled: false });
    expect(byId(eff, 'R-OUTLET')).toMatchObject({ min: 1, enabled: true });
  });

  it('lets the nearest override on the path win, whole', () => {
    const path = [
      override({ ruleId: 'R-ANALYSIS', depth: 2, min: null, enabled: true, reason: '恢复默认' }),
      override({ ruleId: 'R-ANALYSIS', depth: 0, enabled: false }),
      override({ ruleId: 'R-ANALYSIS', depth: 1, min: 6 }),
    ];
    expect(byId(effectiveRules(rules, path), 'R-ANALYSIS')).toMatchObject({ min: 2, enabled: true, override: { orgId: 'org2', reason: '恢复默认' } });
    expect(byId(effectiveRules(rules, path.slice(1)), 'R-ANALYSIS')).toMatchObject({ min: 6, enabled: true, override: { orgId: 'org1' } });
    expect(byId(effectiveRules(rules, path.slice(1, 2)), 'R-ANALYSIS')).toMatchObject({ enabled: false });
  });

  it('shows the rules of the org kind that are on, or that an override switched off', () => {
    const eff = effectiveRules(rules, [override({ ruleId: 'R-REPORT', depth: 0, enabled: false })]);
    const ids = (kind: string) => visibleRules(eff, kind).map((r) => r.rule.id);
    expect(ids('branch')).toEqual(['R-COMMITTEE', 'R-LECTURE', 'R-REPORT', 'R-HIGH-MEDIA', 'R-TAGGED']);
    expect(ids('party_group')).toEqual(['R-TOPIC', 'R-ANALYSIS', 'R-REPORT', 'R-WEEKLY', 'R-HIGH-MEDIA', 'R-TAGGED']);
  });
});

describe('counts from buckets', () => {
  it('sums months into quarters, half-years and years, with each rule reading its own filter', () => {
    const specs = countSpecs(rules.filter((r) => r.period !== 'week'));
    const lecture = specs.findIndex((s) => s.where[0]?.field === 'kind' && s.where[0]?.in !== undefined);
    const matched = (n: number) => specs.map((_, i) => (i === lecture ? n : 0));
    const counts = addBuckets(new PeriodCounts(), [
      { orgId: 'a', typeId: 'branch_meeting', bucket: '2026-01', total: 3, matched: matched(1) },
      { orgId: 'a', typeId: 'branch_meeting', bucket: '2026-03', total: 2, matched: matched(2) },
      { orgId: 'a', typeId: 'report_up', bucket: '2026-06', total: 1, matched: matched(0) },
      { orgId: 'a', typeId: 'report_up', bucket: '2026-07', total: 2, matched: matched(0) },
      { orgId: 'b', typeId: 'report_up', bucket: '2026-07', total: 5, matched: matched(0) },
      { orgId: 'a', typeId: 'opinion_bulletin', bucket: '2026-07', total: 5, matched: matched(0) },
    ], rules, specs, 'month');
    expect(counts.get('a', 'R-LECTURE', '2026-Q1')).toBe(3);
    expect(counts.get('a', 'R-REPORT', '2026-H1')).toBe(1);
    expect(counts.get('a', 'R-REPORT', '2026-H2')).toBe(2);
    expect(counts.get('b', 'R-REPORT', '2026-H2')).toBe(5);
    // Weekly rules read week buckets only.
    expect(counts.get('a', 'R-WEEKLY', '2026-07')).toBe(0);
    // One conditional count per distinct filter, the shipped-off rule's included (an override may switch it on).
    expect(specs).toHaveLength(6);
  });
});
