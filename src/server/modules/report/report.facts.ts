import { type MetricInput, metricValue } from '../../../core/compliance/metric.ts';
import type { DraftFacts, PeriodFacts, PlanEntry, ProblemFact, RuleFact } from '../../../core/report/draftFacts.ts';
import { planItems } from '../../../core/report/draftText.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import type { ReportTemplate } from '../../../core/report/templateModel.ts';
import { templateNeeds, type TemplateNeeds } from '../../../core/report/templateNeeds.ts';
import { fromJson } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { businessToday, subtreeOf } from '../compliance/compliance.access.ts';
import { evaluateOrgs, type Evaluation } from '../compliance/compliance.engine.ts';
import { isSoleRoot } from '../compliance/compliance.repository.ts';
import type { RecordScope } from '../compliance/recordFilter.ts';
import type { OrgRow } from '../org/org.table.ts';
import { dutyHolders, factIds, type FactRow, factRows, type FilterSpec, filterBits, planRows } from './report.facts.repository.ts';

// The facts a template needs for one org and period, loaded with few queries: two passes over the
// records for every metric and record list (rows where titles or fields are read, ids for the rest),
// one compliance evaluation for rule statuses and problems (skipped when the template has neither),
// one query per plan slot and one for duty holders; the four run side by side on PostgreSQL.
// Figures and lists cover the org's subtree; rule statuses are the org's own (each org answers for
// itself), problems add its units' overdue periods; plans are the org's own.

export interface FactsInput {
  pack: Pack;
  template: ReportTemplate;
  org: OrgRow;
  period: PeriodFacts & { next: { from: string; to: string } };
  issueDate: string;
}

const keyOf = (typeId: string, where: readonly unknown[]) => JSON.stringify([typeId, where]);

async function ledgerFacts(ctx: AppContext, input: FactsInput, needs: TemplateNeeds, scope: RecordScope): Promise<Pick<DraftFacts, 'metrics' | 'records'>> {
  const { pack } = input;
  const metrics = needs.metricIds.flatMap((id) => pack.metrics.find((m) => m.id === id) ?? []);
  const filtered = [...metrics.map((m) => ({ typeId: m.recordType, where: m.where })), ...[...needs.records.values()].map((s) => ({ typeId: s.recordType, where: s.where }))];
  const filters = [...new Map(filtered.filter((f) => f.where.length > 0).map((f) => [keyOf(f.typeId, f.where), f])).values()];
  const bits = filterBits(filters);
  const bitOf = new Map<string, number>(filters.map((f, i) => [keyOf(f.typeId, f.where), bits[i]!]));
  const fieldsOf = (typeId: string) => pack.recordTypes.find((t) => t.id === typeId)?.fields ?? [];
  const withFields = new Map<string, string[]>();
  for (const m of metrics) {
    if (m.aggregate === 'count' || !m.field) continue;
    const list = withFields.get(m.recordType) ?? [];
    if (!list.includes(m.field)) list.push(m.field);
    withFields.set(m.recordType, list);
  }
  // Types a record list or a sum or distinct count reads come as rows (titles, fields); the types
  // only counted come as ids and filter bits, which is far cheaper for a city's year.
  const detailed = new Set([...withFields.keys(), ...[...needs.records.values()].map((s) => s.recordType)]);
  const typeIds = [...new Set(filtered.map((f) => f.typeId))];
  const query = { packId: pack.id, scope, from: input.period.from, to: input.period.to, filters, fieldsOf };
  const counted = await factIds(ctx.db, ctx.dialect, { ...query, typeIds: typeIds.filter((t) => !detailed.has(t)) });
  const rows = await factRows(ctx.db, ctx.dialect, { ...query, typeIds: typeIds.filter((t) => detailed.has(t) || counted.unsplit.includes(t)), withFields });
  const byType = new Map<string, FactRow[]>();
  for (const row of rows) {
    const list = byType.get(row.type_id);
    if (list) list.push(row);
    else byType.set(row.type_id, [row]);
  }
  for (const [typeId, { ids, masks }] of counted.byType) {
    byType.set(typeId, ids.map((id, i) => ({ id, type_id: typeId, title: '', occurred_on: '', mask: masks[i]!, fields: null })));
  }
  // Each record's fields are parsed once, however many metrics read them.
  const parsed = new Map<FactRow, MetricInput>();
  const inputOf = (r: FactRow): MetricInput => {
    let input = parsed.get(r);
    if (!input) parsed.set(r, (input = { id: r.id, fields: r.fields == null ? null : fromJson<Record<string, unknown>>(r.fields) }));
    return input;
  };
  const matching = (spec: FilterSpec): FactRow[] => {
    const all = byType.get(spec.typeId) ?? [];
    if (spec.where.length === 0) return all;
    const bit = 2 ** bitOf.get(keyOf(spec.typeId, spec.where))!;
    return all.filter((r) => (r.mask & bit) !== 0);
  };
  const out: Pick<DraftFacts, 'metrics' | 'records'> = { metrics: {}, records: {} };
  for (const m of metrics) {
    const found = matching({ typeId: m.recordType, where: m.where });
    const inputs = m.aggregate === 'count' ? found.map((r) => ({ id: r.id, fields: null })) : found.map(inputOf);
    out.metrics[m.id] = { name: m.name, unit: m.unit ?? '', ...metricValue(m, inputs) };
  }
  for (const [key, slot] of needs.records) {
    const name = pack.recordTypes.find((t) => t.id === slot.recordType)?.name ?? slot.recordType;
    out.records[key] = { name, items: matching({ typeId: slot.recordType, where: slot.where }).map((r) => ({ id: r.id, title: r.title, occurredOn: r.occurred_on })) };
  }
  return out;
}

/** The rules with overdue periods: the org's own first (most periods first), then its units'. */
function problemsOf(evaluation: Evaluation, orgId: string): ProblemFact[] {
  const byRule = new Map<string, ProblemFact>();
  for (const { org, rules } of evaluation.orgs) {
    for (const { effective, cells } of rules) {
      const overdue = cells.filter((c) => c.status === 'overdue').map((c) => c.period);
      if (overdue.length === 0) continue;
      const rule = effective.rule;
      const entry = byRule.get(rule.id) ?? { ruleId: rule.id, ruleName: rule.name, periods: [], units: [] };
      if (org.id === orgId) entry.periods = overdue;
      else entry.units.push(org.name);
      byRule.set(rule.id, entry);
    }
  }
  return [...byRule.values()].sort(
    (a, b) => Number(b.periods.length > 0) - Number(a.periods.length > 0) || b.periods.length - a.periods.length || b.units.length - a.units.length || a.ruleId.localeCompare(b.ruleId),
  );
}

async function complianceFacts(ctx: AppContext, input: FactsInput, needs: TemplateNeeds, scope: RecordScope): Promise<Pick<DraftFacts, 'rules' | 'problems'>> {
  if (needs.ruleIds.length === 0 && !needs.problems) return { rules: {}, problems: [] };
  const orgs = needs.problems ? await subtreeOf(ctx, input.org) : [{ ...input.org, depth: 0 }];
  const evaluation = await evaluateOrgs(ctx, {
    pack: input.pack, orgs, scope: needs.problems ? scope : { orgId: input.org.id },
    span: { start: input.period.from, end: input.period.to }, today: businessToday(),
  });
  const own = evaluation.orgs.find((o) => o.org.id === input.org.id);
  const rules: Record<string, RuleFact> = {};
  for (const ruleId of needs.ruleIds) {
    const found = own?.rules.find((r) => r.effective.rule.id === ruleId);
    if (found) rules[ruleId] = { name: found.effective.rule.name, period: found.effective.rule.period, cells: found.cells.map((c) => ({ period: c.period, status: c.status, count: c.count })) };
  }
  return { rules, problems: needs.problems ? problemsOf(evaluation, input.org.id) : [] };
}

async function planFacts(ctx: AppContext, input: FactsInput, needs: TemplateNeeds): Promise<DraftFacts['plans']> {
  const plans: DraftFacts['plans'] = {};
  for (const [key, slot] of needs.plans) {
    const rows = await planRows(ctx.db, ctx.dialect, { packId: input.pack.id, orgId: input.org.id, typeId: slot.recordType, ...input.period.next });
    const entries: PlanEntry[] = rows.map((r) => {
      const value = slot.field === null ? undefined : fromJson<Record<string, unknown>>(r.fields)?.[slot.field];
      return { id: r.id, title: r.title, items: typeof value === 'string' ? planItems(value) : [] };
    });
    plans[key] = { name: input.pack.recordTypes.find((t) => t.id === slot.recordType)?.name ?? slot.recordType, entries };
  }
  return plans;
}

/** Who holds each duty role: in the period's year, or else in the latest year on record (述职 is given by the incumbent). */
async function peopleFacts(ctx: AppContext, input: FactsInput, needs: TemplateNeeds): Promise<DraftFacts['people']> {
  const rows = await dutyHolders(ctx.db, input.org.id, needs.dutyRoles);
  const people: DraftFacts['people'] = {};
  for (const role of needs.dutyRoles) {
    const held = rows.filter((r) => r.role === role);
    const pick = held.find((r) => Number(r.year) === input.period.year) ?? held.at(-1);
    if (pick) people[role] = { name: pick.name };
  }
  return people;
}

/** Everything drafting reads for the template, the org (its subtree) and the period. */
export async function loadFacts(ctx: AppContext, input: FactsInput): Promise<DraftFacts> {
  const needs = templateNeeds(input.template);
  // The whole tree needs no subtree filter: it would only cost time.
  const scope: RecordScope = (await isSoleRoot(ctx.db, input.org.id)) ? { all: true } : { path: input.org.path };
  const { next: _next, ...period } = input.period;
  // Independent reads: on PostgreSQL they run side by side on the pool's connections.
  const [ledger, compliance, plans, people] = await Promise.all([
    ledgerFacts(ctx, input, needs, scope),
    complianceFacts(ctx, input, needs, scope),
    planFacts(ctx, input, needs),
    peopleFacts(ctx, input, needs),
  ]);
  return { org: { id: input.org.id, name: input.org.name }, period, issueDate: input.issueDate, ...ledger, ...compliance, plans, people };
}
