import type { MetricDef } from '../pack/schema.ts';
import type { FoundPlaceholder } from './placeholders.ts';
import type { Placeholder } from './types.ts';
import { classesMeet, metricUnitClasses, type UnitClass, unitClasses } from './units.ts';

// Binding a figure placeholder to the pack metric its words speak of. The words are the metric's
// `keywords` (its name, shortened, when it has none): a keyword "A+B" matches where all its parts
// appear. A keyword in the clause before the placeholder ("召开中心组学习会**次") counts in full,
// one in the clause after it ("先后*次专题研究意识形态工作") a little less; the longest match
// wins, and the unit must count the same kind of thing as the metric's (篇 is not 次).
// Nothing is bound when two metrics tie, when the figure is an ordinal (第*次) or an average or
// rate (月平均*场次): a wrong figure in a report is worse than a slot the user fills.

const AFTER_WEIGHT = 0.8;
/** Figures that are not totals over the period, whatever they count. */
const NOT_A_TOTAL = /平均|[月年日周]均|人均|每[月年天日周]|每季度|占比|比例|同比|环比/;

/** The words that name a metric: its keywords, or its name without the trailing 次数/数. */
export function metricKeywords(metric: Pick<MetricDef, 'name' | 'keywords'>): string[] {
  if (metric.keywords && metric.keywords.length > 0) return metric.keywords;
  return [metric.name.replace(/(次数|人次|人数|场次|期数|时长|数)$/, '')];
}

/** A metric prepared once for matching many placeholders. */
interface Candidate {
  id: string;
  classes: ReadonlySet<UnitClass> | null;
  /** Each keyword's parts, with the keyword's length as its score. */
  keywords: Array<{ parts: string[]; length: number }>;
}

function prepare(metric: MetricDef): Candidate {
  const keywords = metricKeywords(metric).map((k) => k.split('+').filter((p) => p !== '')).filter((parts) => parts.length > 0);
  return { id: metric.id, classes: metricUnitClasses(metric.unit), keywords: keywords.map((parts) => ({ parts, length: parts.join('').length })) };
}

function score(candidate: Candidate, before: string, after: string): number {
  let best = 0;
  for (const { parts, length } of candidate.keywords) {
    if (parts.every((p) => before.includes(p))) best = Math.max(best, length);
    else if (parts.every((p) => after.includes(p))) best = Math.max(best, length * AFTER_WEIGHT);
  }
  return best;
}

function bestOf(placeholder: FoundPlaceholder, candidates: readonly Candidate[]): string | null {
  if (placeholder.kind !== 'number' || placeholder.unit === null) return null;
  if (/第\s*$/.test(placeholder.before) || NOT_A_TOTAL.test(placeholder.before)) return null;
  const classes = unitClasses(placeholder.unit);
  let [best, bestScore, tied] = [null as string | null, 0, false];
  for (const candidate of candidates) {
    if (!classesMeet(classes, candidate.classes)) continue;
    const s = score(candidate, placeholder.before, placeholder.after);
    if (s > bestScore) [best, bestScore, tied] = [candidate.id, s, false];
    else if (s > 0 && s === bestScore) tied = true;
  }
  return tied ? null : best;
}

/** The id of the one metric that fits the placeholder best, or null. */
export const bestMetric = (placeholder: FoundPlaceholder, metrics: readonly MetricDef[]): string | null => bestOf(placeholder, metrics.map(prepare));

/** The placeholders with their metrics bound where one fits, in the shape templates keep. */
export function bindPlaceholders(placeholders: readonly FoundPlaceholder[], metrics: readonly MetricDef[]): Placeholder[] {
  const candidates = metrics.map(prepare);
  return placeholders.map((p) => ({ text: p.text, kind: p.kind, unit: p.unit, context: p.context, metric: bestOf(p, candidates) }));
}
