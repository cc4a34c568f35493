import { chineseDate, type DraftFacts } from './draftFacts.ts';
import type { OmitReason, Provenance, RunMark } from './draftModel.ts';
import { formatFigure, inlineList, planLines, problemText, quotedTitles, ruleStatusText } from './draftText.ts';
import type { ReportTemplate } from './templateModel.ts';
import { type ListSlot, type Slot, slotKey } from './templateSlots.ts';

// One slot's value from the facts: text with its provenance, a mark for the user, or the reason
// its sentence is left out (a zero, a missing figure, an empty list, a rule that does not apply).

export type Resolved =
  | { ok: true; text: string; prov: Provenance | null; mark?: RunMark }
  | { ok: false; reason: OmitReason };

/** Printed where a kept sentence has no figure: the user must fill it in before the report leaves. */
export const MISSING_TEXT = '【待补充】';
export const ZERO_TEXT = '【0，待核实】';

const prov = (p: Partial<Provenance> & Pick<Provenance, 'kind' | 'label' | 'value'>): Provenance => ({
  metricId: null, recordType: null, ruleId: null, recordIds: [], ...p,
});

/** One line of a list slot (a problem, a plan item) with its provenance. */
export interface ListLine {
  text: string;
  prov: Provenance;
}

/** The lines a list slot expands into: one item each when the slot stands as a whole item. */
export function listLines(slot: ListSlot, facts: DraftFacts): ListLine[] {
  if (slot.kind === 'problems') {
    return facts.problems.slice(0, slot.limit).map((p) => {
      const text = problemText(p, facts.period.year);
      return { text, prov: prov({ kind: 'problem', label: p.ruleName, value: text, ruleId: p.ruleId }) };
    });
  }
  const plans = facts.plans[slotKey(slot)];
  if (!plans) return [];
  return planLines(plans.entries, slot.limit).map((text) => {
    const recordIds = plans.entries.filter((e) => e.items.includes(text) || text.includes(e.title.trim())).map((e) => e.id);
    return { text, prov: prov({ kind: 'plan', label: plans.name, value: text, recordType: slot.recordType, recordIds }) };
  });
}

function textSlot(name: string, facts: DraftFacts): string {
  switch (name) {
    case 'org.name':
      return facts.org.name;
    case 'period.label':
      return facts.period.label;
    case 'period.year':
      return String(facts.period.year);
    case 'period.next_year':
      return String(facts.period.nextYear);
    case 'period.next_label':
      return facts.period.nextLabel;
    default:
      return chineseDate(facts.issueDate);
  }
}

/** The value of one slot. */
export function resolveSlot(slot: Slot, facts: DraftFacts, template: Pick<ReportTemplate, 'unbound'>): Resolved {
  switch (slot.kind) {
    case 'metric': {
      const m = facts.metrics[slot.metricId];
      if (!m) return { ok: false, reason: 'missing' };
      if (m.value === 0) return { ok: false, reason: 'zero' };
      const value = formatFigure(m.value);
      return { ok: true, text: value, prov: prov({ kind: 'metric', label: m.name, value, metricId: slot.metricId, recordIds: m.recordIds }) };
    }
    case 'records': {
      const list = facts.records[slotKey(slot)];
      if (!list || list.items.length === 0) return { ok: false, reason: 'empty' };
      const value = quotedTitles(list.items, slot.limit, slot.book);
      return { ok: true, text: value, prov: prov({ kind: 'records', label: list.name, value, recordType: slot.recordType, recordIds: list.items.map((i) => i.id) }) };
    }
    case 'rule': {
      const rule = facts.rules[slot.ruleId];
      const value = rule ? ruleStatusText(rule, facts.period.year) : null;
      if (!rule || value === null) return { ok: false, reason: 'not_applicable' };
      return { ok: true, text: value, prov: prov({ kind: 'rule', label: rule.name, value, ruleId: slot.ruleId }) };
    }
    case 'problems':
    case 'plans': {
      const lines = listLines(slot, facts);
      if (lines.length === 0) return { ok: false, reason: 'empty' };
      const value = slot.kind === 'problems' ? lines.map((l) => l.text).join('；') : inlineList(lines.map((l) => l.text));
      const first = lines[0]!.prov;
      return { ok: true, text: value, prov: { ...first, label: slot.kind === 'problems' ? '存在问题' : first.label, value, recordIds: [...new Set(lines.flatMap((l) => l.prov.recordIds))] } };
    }
    case 'text':
      return { ok: true, text: textSlot(slot.name, facts), prov: null };
    case 'duty': {
      const person = facts.people[slot.role];
      return person ? { ok: true, text: person.name, prov: null } : { ok: true, text: MISSING_TEXT, prov: null, mark: 'missing' };
    }
    case 'unbound': {
      const placeholder = template.unbound[slot.index];
      return { ok: true, text: placeholder?.text ?? MISSING_TEXT, prov: null, mark: placeholder ? 'unbound' : 'missing' };
    }
  }
}
