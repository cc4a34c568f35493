import type { MetricDef } from '../pack/schema.ts';
import { bindPlaceholders } from './bind.ts';
import { type FoundPlaceholder, findPlaceholders } from './placeholders.ts';
import { splitLines } from './text.ts';
import type { Placeholder } from './types.ts';

// Placeholders of an old report, located in its lines and replaced by what stands for them in a
// template: a bound figure by its metric slot (with 余/多/万 dropped from the measure word: the ledger
// gives the exact count), anything else by an {{unbound:N}} slot showing the placeholder as written
// until the user binds it. Years of the report become period slots, so that last year's report
// drafts this year's. templateFromImport.ts builds the outline around the result.

/** What the user binds a placeholder to when saving an imported template. */
export type ImportBinding = { metricId: string } | { slot: 'org.name' | 'period.label' | 'period.year' } | { text: string } | { keep: true };

/** A placeholder of the old report, numbered in document order, with what it becomes. */
export interface ImportPlaceholder extends Placeholder {
  index: number;
  /** metric: filled from the ledger; unbound: kept marked for the user; text or slot: replaced as bound. */
  becomes: 'metric' | 'unbound' | 'text' | 'slot';
}

/** One replaced stretch of a line: `marker` stands in the text until the outline is read. */
export interface Replacement {
  index: number;
  /** The slot (or literal text) it becomes in body sentences. */
  body: string;
  /** What it becomes where a figure cannot be left out (titles, headings, signature): never a metric. */
  plain: string;
}

/** Private-use characters stand for replacements while the outline is read: no reader takes them for punctuation. */
const MARKER_BASE = 0xe000;
export const markerOf = (n: number): string => String.fromCharCode(MARKER_BASE + n);
export const MARKER_PATTERN = /[\ue000-\uf8ff]/g;

const RUN_CLASS = [/[*＊]/, /×/, /[XxＸｘ]/];
const sameClass = (a: string | undefined, b: string) => a !== undefined && RUN_CLASS.some((c) => c.test(a) && c.test(b));

/** Where each placeholder's run starts in the line, in order (−1 when it cannot be found). */
function locate(line: string, found: readonly FoundPlaceholder[]): number[] {
  let cursor = 0;
  return found.map((p) => {
    for (let i = line.indexOf(p.text, cursor); i >= 0; i = line.indexOf(p.text, i + 1)) {
      const end = i + p.text.length;
      const whole = !sameClass(line[i - 1], p.text[0]!) && !sameClass(line[end], p.text[0]!);
      if (whole && line.startsWith(p.unit ?? '', end)) {
        cursor = end;
        return i;
      }
    }
    return -1;
  });
}

/** The measure word for an exact count: 余篇 → 篇, 万余人 → 人, 多场次 → 场次. */
const exactUnit = (unit: string) => unit.replace(/^[万千百亿余多]+/, '');

/** The report's own year: the one most often written as 2022年 (first on a tie), or null. */
export function reportYear(text: string): number | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d\d)年/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  let best: string | null = null;
  for (const [year, n] of counts) if (best === null || n > counts.get(best)!) best = year;
  return best === null ? null : Number(best);
}

function yearSlots(line: string, year: number | null): string {
  if (year === null) return line;
  return line.replace(/(?<!\d)((?:19|20)\d\d)年/g, (all, y: string) => (Number(y) === year ? '{{period.year}}年' : Number(y) === year + 1 ? '{{period.next_year}}年' : all));
}

export interface MarkedText {
  /** The lines with every located placeholder (and its measure word) replaced by its marker character. */
  lines: string[];
  replacements: Map<string, Replacement>;
  placeholders: ImportPlaceholder[];
}

/** Replaces the placeholders of a report's text by markers, binding each one as `bindings` say (else automatically). */
export function markPlaceholders(text: string, metrics: readonly MetricDef[], bindings: ReadonlyMap<number, ImportBinding>): MarkedText {
  const year = reportYear(text);
  const replacements = new Map<string, Replacement>();
  const placeholders: ImportPlaceholder[] = [];
  const lines = splitLines(text).map((line) => {
    const found = findPlaceholders(line);
    const bound = bindPlaceholders(found, metrics);
    const at = locate(line, found);
    let out = '';
    let last = 0;
    bound.forEach((p, k) => {
      const index = placeholders.length;
      const binding = bindings.get(index) ?? (p.metric ? { metricId: p.metric } : { keep: true as const });
      const unit = p.unit ?? '';
      const unbound = `{{unbound:${index}}}${unit}`;
      const body = 'metricId' in binding ? `{{metric:${binding.metricId}}}${exactUnit(unit)}` : 'slot' in binding ? `{{${binding.slot}}}${unit}` : 'text' in binding ? `${binding.text}${unit}` : unbound;
      const becomes = 'metricId' in binding ? 'metric' : 'slot' in binding ? 'slot' : 'text' in binding ? 'text' : 'unbound';
      placeholders.push({ ...p, metric: 'metricId' in binding ? binding.metricId : null, index, becomes });
      if (at[k]! < 0 || at[k]! < last) return;
      const marker = markerOf(replacements.size);
      replacements.set(marker, { index, body, plain: becomes === 'metric' ? unbound : body });
      out += yearSlots(line.slice(last, at[k]), year) + marker;
      last = at[k]! + p.text.length + unit.length;
    });
    return out + yearSlots(line.slice(last), year);
  });
  return { lines, replacements, placeholders };
}
