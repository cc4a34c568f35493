import { draft } from '../../../core/report/draft.ts';
import type { Generated } from '../../../core/report/draftEdits.ts';
import type { DraftFacts } from '../../../core/report/draftFacts.ts';
import type { DraftDocument, Omitted, Provenance } from '../../../core/report/draftModel.ts';
import { fromJson, toJson } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { type FactsInput, loadFacts } from './report.facts.ts';
import type { ReportGenerationRow, ReportGenerationTable } from './report.table.ts';

// One generation: the ledger's facts for the draft's org and period, the document drafted from
// them, and how it is stored. Creating a draft and regenerating one both come through here.

/** What a generation keeps of the facts: every value, but the record ids only once, in the provenance. */
function factsSnapshot(facts: DraftFacts) {
  return {
    period: facts.period,
    issueDate: facts.issueDate,
    metrics: Object.fromEntries(Object.entries(facts.metrics).map(([id, m]) => [id, { value: m.value, unit: m.unit, recordCount: m.recordIds.length }])),
    records: Object.fromEntries(Object.entries(facts.records).map(([key, r]) => [key, r.items.length])),
    rules: facts.rules,
    problems: facts.problems,
    plans: Object.fromEntries(Object.entries(facts.plans).map(([key, p]) => [key, p.entries.map((e) => e.title)])),
    people: facts.people,
  };
}

export interface Generation extends Generated {
  facts: DraftFacts;
}

export async function generate(ctx: AppContext, input: FactsInput): Promise<Generation> {
  const facts = await loadFacts(ctx, input);
  return { facts, ...draft(input.template, facts) };
}

export function generationRow(draftId: string, n: number, g: Generation, actor: Actor): ReportGenerationTable {
  return {
    draft_id: draftId, n, facts: toJson(factsSnapshot(g.facts)), document: toJson(g.document), provenance: toJson(g.provenance), omitted: toJson(g.omitted),
    created_by: actor.userId || null, created_at: nowIso(),
  };
}

/** A stored generation as the engine gave it. */
export function readGeneration(row: ReportGenerationRow): Generated {
  return { document: fromJson<DraftDocument>(row.document), provenance: fromJson<Record<string, Provenance>>(row.provenance), omitted: fromJson<Omitted[]>(row.omitted) };
}
