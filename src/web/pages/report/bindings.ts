import type { ImportBinding, ImportedPlaceholder, SlotBinding } from './api.ts';

// What the user decides for each placeholder of an imported report, and the bindings the save
// request carries: only the decisions that differ from the server's automatic binding, so that
// what the user left alone stays as the server read it.

export type Choice = { mode: 'metric'; metricId: string } | { mode: 'text'; text: string } | { mode: 'slot'; slot: SlotBinding } | { mode: 'keep' };

/** The value of the one select that picks a choice: a metric id, or one of these. */
export const KEEP = '__keep';
export const TEXT = '__text';
export const SLOT_PREFIX = '__slot:';

export const SLOT_LABELS: Record<SlotBinding, string> = {
  'org.name': '单位名称（起草时填入）',
  'period.year': '年度（起草时填入）',
  'period.label': '报告期（起草时填入）',
};

/** The server's reading: bound to the metric its context names, or kept for the user. */
export const initialChoice = (p: ImportedPlaceholder): Choice => (p.becomes === 'metric' && p.metric ? { mode: 'metric', metricId: p.metric } : { mode: 'keep' });

export function choiceValue(choice: Choice): string {
  switch (choice.mode) {
    case 'metric':
      return choice.metricId;
    case 'text':
      return TEXT;
    case 'slot':
      return `${SLOT_PREFIX}${choice.slot}`;
    case 'keep':
      return KEEP;
  }
}

/** The choice a select value stands for; a text choice keeps the text typed so far. */
export function choiceOf(value: string, previous: Choice): Choice {
  if (value === KEEP) return { mode: 'keep' };
  if (value === TEXT) return { mode: 'text', text: previous.mode === 'text' ? previous.text : '' };
  if (value.startsWith(SLOT_PREFIX)) return { mode: 'slot', slot: value.slice(SLOT_PREFIX.length) as SlotBinding };
  return { mode: 'metric', metricId: value };
}

const same = (a: Choice, b: Choice) => choiceValue(a) === choiceValue(b) && (a.mode !== 'text' || (b.mode === 'text' && a.text === b.text));

/** The bindings to send: each choice the user changed from the server's reading. A text left empty keeps the placeholder. */
export function bindingsOf(placeholders: readonly ImportedPlaceholder[], choices: ReadonlyMap<number, Choice>): ImportBinding[] {
  const out: ImportBinding[] = [];
  for (const p of placeholders) {
    const choice = choices.get(p.index);
    if (!choice || same(choice, initialChoice(p))) continue;
    if (choice.mode === 'metric') out.push({ index: p.index, metricId: choice.metricId });
    else if (choice.mode === 'slot') out.push({ index: p.index, slot: choice.slot });
    else if (choice.mode === 'text' && choice.text.trim() !== '') out.push({ index: p.index, text: choice.text.trim() });
    else if (initialChoice(p).mode !== 'keep') out.push({ index: p.index, keep: true });
  }
  return out;
}

/** The placeholders that will still wait for the user in every draft. */
export function keptCount(placeholders: readonly ImportedPlaceholder[], choices: ReadonlyMap<number, Choice>): number {
  return placeholders.filter((p) => {
    const choice = choices.get(p.index) ?? initialChoice(p);
    return choice.mode === 'keep' || (choice.mode === 'text' && choice.text.trim() === '');
  }).length;
}
