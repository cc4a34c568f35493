import type { MetricDef } from '../pack/schema.ts';
import type { FoundPlaceholder } from './placeholders.ts';
import type { Placeholder } from './types.ts';
import { unitsCompatible } from './units.ts';

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

/** The length of the keyword's parts when all appear in `text`, else 0. */
function keywordScore(keyword: string, text: string): number {
  const parts = keyword.split('+').filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => text.includes(p)) ? parts.join('').length : 0;
}

function score(metric: MetricDef, placeholder: FoundPlaceholder): number {
  return Math.max(0, ...metricKeywords(metric).map((k) => Math.max(keywordScore(k, placeholder.before), keywordScore(k, placeholder.after) * AFTER_WEIGHT)));
}

/** The id of the one metric that fits best, or null. */
export function bestMetric(placeholder: FoundPlaceholder, metrics: readonly MetricDef[]): string | null {
  if (placeholder.kind !== 'number' || placeholder.unit === null) return null;
  if (/第\s*$/.test(placeholder.before) || NOT_A_TOTAL.test(placeholder.before)) return null;
  const scored = metrics
    .filter((m) => unitsCompatible(placeholder.unit!, m.unit))
    .map((m) => ({ id: m.id, score: score(m, placeholder) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || (second && second.score === best.score)) return null;
  return best.id;
}

/** The placeholders with their metrics bound where one fits, in the shape templates keep. */
export function bindPlaceholders(placeholders: readonly FoundPlaceholder[], metrics: readonly MetricDef[]): Placeholder[] {
  return placeholders.map((p) => ({ text: p.text, kind: p.kind, unit: p.unit, context: p.context, metric: bestMetric(p, metrics) }));
}
