import type { MetricDef, Pack, RecordTypeDef, RuleDef } from './schema.ts';

/** The packs the server runs with, looked up by id. Built once at start from validated packs. */
export interface PackRegistry {
  all(): readonly Pack[];
  get(packId: string): Pack | undefined;
  recordType(packId: string, typeId: string): RecordTypeDef | undefined;
  rule(packId: string, ruleId: string): RuleDef | undefined;
  metric(packId: string, metricId: string): MetricDef | undefined;
}

export function createPackRegistry(packs: readonly Pack[]): PackRegistry {
  const byId = new Map(packs.map((p) => [p.id, p]));
  const index = <T extends { id: string }>(pick: (p: Pack) => T[]) =>
    new Map(packs.map((p) => [p.id, new Map(pick(p).map((x) => [x.id, x]))]));
  const recordTypes = index((p) => p.recordTypes);
  const rules = index((p) => p.rules);
  const metrics = index((p) => p.metrics);
  return {
    all: () => packs,
    get: (id) => byId.get(id),
    recordType: (packId, typeId) => recordTypes.get(packId)?.get(typeId),
    rule: (packId, ruleId) => rules.get(packId)?.get(ruleId),
    metric: (packId, metricId) => metrics.get(packId)?.get(metricId),
  };
}
