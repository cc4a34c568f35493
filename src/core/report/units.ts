// Measure words after a figure placeholder (`**次`, `*余篇`, `X万人`, `**条（篇）`) and whether a
// placeholder's measure word can stand for a metric's unit.

/** What a measure word counts. A placeholder binds only to a metric counting the same kind of thing. */
export type UnitClass = 'event' | 'item' | 'people' | 'place' | 'hours' | 'minutes' | 'days' | 'points' | 'money' | 'area' | 'date' | 'ratio';

const UNIT_CLASSES: Record<string, readonly UnitClass[]> = {
  次: ['event'], 场: ['event'], 场次: ['event'], 轮: ['event'], 批: ['event'], 批次: ['event'], 届: ['event'],
  // 期 counts issues of a bulletin and sessions of a course; 件 and 起 count cases and documents alike.
  期: ['event', 'item'], 件: ['event', 'item'], 起: ['event', 'item'],
  篇: ['item'], 条: ['item'], 份: ['item'], 项: ['item'], 例: ['item'], 封: ['item'],
  人: ['people'], 名: ['people'], 人次: ['people'], 位: ['people'],
  家: ['place'], 支: ['place'], 户: ['place'], 座: ['place'],
  // 个 is the general classifier: it may count any of these.
  个: ['event', 'item', 'people', 'place'],
  小时: ['hours'], 课时: ['hours'], 学时: ['hours'], 分钟: ['minutes'], 天: ['days'],
  分: ['points'], 元: ['money'], 亩: ['area'], 年: ['date'], 月: ['date'], 日: ['date'], '%': ['ratio'], '％': ['ratio'],
};

// Longest first, so 人次 wins over 人. 分 is left out: after a placeholder it is too often 分局 or
// 分管; so are 所, 处 and 部, which end more names (派出所, 宣传部) than they count things.
const MEASURE_WORDS = Object.keys(UNIT_CLASSES).filter((w) => w !== '分').sort((a, b) => b.length - a.length);
const MEASURE = `(?:${MEASURE_WORDS.join('|')})`;
const MEASURES = new RegExp(MEASURE, 'g');
/** Magnitude and approximation around the measure word: 万人, 余篇, 多场, 万余人, 余万人. */
const UNIT = new RegExp(`^(?:[万千百亿]?[余多]?[万千百亿]?)${MEASURE}(?:[（(]${MEASURE}[）)])?`);
/** A bare magnitude before punctuation or the end: "超过X万，". */
const BARE_MAGNITUDE = /^(?:[万千百亿][余多]?|[余多])(?=$|[\s。，,；;：:、！!？?）)”])/;

// A measure word that starts a longer word belongs to a name: **日报, XX家园, **支部, XX项目.
const NAME_WORDS = ['家园', '家庭', '家风', '家乡', '人民', '人大', '人社', '名校', '名师', '名城', '条例', '批发', '场馆', '期刊', '期间', '支部', '项目', '座谈', '户外', '位置', '月刊', '日报', '天地', '年代', '年鉴'];

/** The measure word (with its magnitude and approximation) at the start of `after`, or null. */
export function readUnit(after: string): string | null {
  const m = UNIT.exec(after) ?? BARE_MAGNITUDE.exec(after);
  if (!m) return null;
  const fromMeasure = after.slice(/^[万千百亿余多]*/.exec(m[0])![0].length);
  return NAME_WORDS.some((w) => fromMeasure.startsWith(w)) ? null : m[0];
}

/** The measure words of a unit as written: "万余人" → [人], "条（篇）" → [条, 篇]. */
export function measureWords(unit: string): string[] {
  return [...unit.matchAll(MEASURES)].map((m) => m[0]);
}

/** What the measure words of a unit count; empty when it has none (a bare 万). */
export function unitClasses(unit: string): ReadonlySet<UnitClass> {
  return new Set(measureWords(unit).flatMap((w) => UNIT_CLASSES[w] ?? []));
}

/** What a metric's unit counts; null for a metric without a unit, which accepts any count. */
export const metricUnitClasses = (metricUnit: string | undefined): ReadonlySet<UnitClass> | null =>
  metricUnit === undefined ? null : new Set(UNIT_CLASSES[metricUnit] ?? []);

/** Whether a figure counting `classes` can be the value of a metric counting `metric`. */
export const classesMeet = (classes: ReadonlySet<UnitClass>, metric: ReadonlySet<UnitClass> | null): boolean =>
  classes.size > 0 && (metric === null || [...classes].some((c) => metric.has(c)));

/**
 * Whether a figure written with `unit` can be the value of a metric whose unit is `metricUnit`:
 * they count the same kind of thing. A metric without a unit accepts any count.
 */
export const unitsCompatible = (unit: string, metricUnit: string | undefined): boolean => classesMeet(unitClasses(unit), metricUnitClasses(metricUnit));
