import type { ReportTemplate } from './templateModel.ts';
import { type Slot, slotKey, slotsIn } from './templateSlots.ts';
import { templateTexts } from './templateTexts.ts';

// What a template asks of the ledger, each question once: the server loads exactly these facts,
// with one pass over the records for all metrics and lists together.

export type RecordsSlot = Extract<Slot, { kind: 'records' }>;
export type PlansSlot = Extract<Slot, { kind: 'plans' }>;

export interface TemplateNeeds {
  metricIds: string[];
  /** By slot key. */
  records: Map<string, RecordsSlot>;
  ruleIds: string[];
  /** Whether {{problems}} occurs: the unmet rules of the org and its units are evaluated. */
  problems: boolean;
  /** By slot key. */
  plans: Map<string, PlansSlot>;
  dutyRoles: string[];
}

export function templateNeeds(template: Pick<ReportTemplate, 'title' | 'addressee' | 'opening' | 'sections' | 'signature'>): TemplateNeeds {
  const metricIds = new Set<string>();
  const ruleIds = new Set<string>();
  const dutyRoles = new Set<string>();
  const needs: TemplateNeeds = { metricIds: [], records: new Map(), ruleIds: [], problems: false, plans: new Map(), dutyRoles: [] };
  for (const { text } of templateTexts(template)) {
    for (const { slot } of slotsIn(text)) {
      if (!slot) continue;
      if (slot.kind === 'metric') metricIds.add(slot.metricId);
      else if (slot.kind === 'rule') ruleIds.add(slot.ruleId);
      else if (slot.kind === 'duty') dutyRoles.add(slot.role);
      else if (slot.kind === 'problems') needs.problems = true;
      else if (slot.kind === 'records') needs.records.set(slotKey(slot), slot);
      else if (slot.kind === 'plans') needs.plans.set(slotKey(slot), slot);
    }
  }
  return { ...needs, metricIds: [...metricIds], ruleIds: [...ruleIds], dutyRoles: [...dutyRoles] };
}
