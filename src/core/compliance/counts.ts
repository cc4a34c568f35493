import type { Condition } from '../pack/schema.ts';
import { periodOf, type PeriodKind } from './period.ts';
import type { PackRule } from './rules.ts';

// From SQL buckets to counts per (org, rule, period). The database groups records once per
// (org, type, month) — or ISO week, for weekly rules — with one conditional count per distinct
// filter the rules use; quarters, half-years and years are sums of months, done here.

/** A distinct (record type, filter) pair some rule counts with; rules without filters need none. */
export interface CountSpec {
  key: string;
  typeId: string;
  where: Condition[];
}

/** The spec key of a rule's filter, or null when it counts every record of its type. */
export function specKey(rule: Pick<PackRule, 'recordType' | 'where'>): string | null {
  return rule.where.length === 0 ? null : JSON.stringify([rule.recordType, rule.where]);
}

/** The distinct filters of `rules`, each once. */
export function countSpecs(rules: readonly Pick<PackRule, 'recordType' | 'where'>[]): CountSpec[] {
  const specs = new Map<string, CountSpec>();
  for (const rule of rules) {
    const key = specKey(rule);
    if (key !== null && !specs.has(key)) specs.set(key, { key, typeId: rule.recordType, where: rule.where });
  }
  return [...specs.values()];
}

/** One group of the aggregate: an org's records of one type in one month ('YYYY-MM') or week ('YYYY-Www'). */
export interface BucketRow {
  orgId: string;
  typeId: string;
  bucket: string;
  /** Every record of the group. */
  total: number;
  /** Records of the group matching each spec, in the order of the specs passed to the query (may be sparse: a hole is 0). */
  matched: readonly number[];
}

/** Record counts per (org, rule, period); absent means zero. */
export class PeriodCounts {
  // Nested maps rather than joined string keys: this sits in the loop over every bucket row.
  private readonly counts = new Map<string, Map<string, Map<string, number>>>();

  add(orgId: string, ruleId: string, period: string, n: number): void {
    if (n === 0) return;
    let byRule = this.counts.get(orgId);
    if (!byRule) this.counts.set(orgId, (byRule = new Map()));
    let byPeriod = byRule.get(ruleId);
    if (!byPeriod) byRule.set(ruleId, (byPeriod = new Map()));
    byPeriod.set(period, (byPeriod.get(period) ?? 0) + n);
  }

  get(orgId: string, ruleId: string, period: string): number {
    return this.counts.get(orgId)?.get(ruleId)?.get(period) ?? 0;
  }
}

/**
 * Adds bucket rows to `counts` for the rules that read that bucket size: weekly rules from week
 * buckets, every other rule from month buckets.
 */
export function addBuckets(
  counts: PeriodCounts,
  rows: readonly BucketRow[],
  rules: readonly Pick<PackRule, 'id' | 'recordType' | 'where' | 'period'>[],
  specs: readonly CountSpec[],
  bucket: 'month' | 'week',
): PeriodCounts {
  const specIndex = new Map(specs.map((s, i) => [s.key, i]));
  const byType = new Map<string, { id: string; period: PeriodKind; spec: number | null }[]>();
  for (const rule of rules) {
    if ((rule.period === 'week') !== (bucket === 'week')) continue;
    const key = specKey(rule);
    const list = byType.get(rule.recordType) ?? [];
    list.push({ id: rule.id, period: rule.period, spec: key === null ? null : specIndex.get(key)! });
    byType.set(rule.recordType, list);
  }
  // Buckets are few (a year has 12 months): each one's period of every kind is worked out once.
  const periodCache = new Map<string, Partial<Record<PeriodKind, string>>>();
  const periodOfBucket = (b: string, kind: PeriodKind) => {
    if (kind === 'week') return b;
    let periods = periodCache.get(b);
    if (!periods) periodCache.set(b, (periods = {}));
    return (periods[kind] ??= periodOf(`${b}-01`, kind));
  };
  for (const row of rows) {
    for (const rule of byType.get(row.typeId) ?? []) {
      const n = rule.spec === null ? row.total : (row.matched[rule.spec] ?? 0);
      counts.add(row.orgId, rule.id, periodOfBucket(row.bucket, rule.period), n);
    }
  }
  return counts;
}
