import type { MetricDef } from '../pack/schema.ts';

// A metric's value from the records that match it, with the records the value rests on: a count
// rests on every matching record, a sum on those holding a number in the field, a distinct count
// on those holding a value. What a report prints and what its provenance lists are the same set.

export interface MetricInput {
  id: string;
  /** The record's pack-defined fields (parsed JSON). */
  fields: Record<string, unknown> | null;
}

export interface MetricResult {
  value: number;
  recordIds: string[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

export function metricValue(def: Pick<MetricDef, 'aggregate' | 'field'>, records: readonly MetricInput[]): MetricResult {
  if (def.aggregate === 'count' || !def.field) return { value: records.length, recordIds: records.map((r) => r.id) };
  const field = def.field;
  if (def.aggregate === 'sum') {
    const counted = records.filter((r) => isNumber(r.fields?.[field]));
    const sum = counted.reduce((total, r) => total + (r.fields![field] as number), 0);
    // Six decimals: enough for any quantity a ledger holds, and 0.1 + 0.2 prints as 0.3.
    return { value: Math.round(sum * 1e6) / 1e6, recordIds: counted.map((r) => r.id) };
  }
  const counted = records.filter((r) => present(r.fields?.[field]));
  // Values of a multiple-choice field count one by one; JSON keys keep 1 and "1" apart.
  const values = new Set(counted.flatMap((r) => [r.fields![field]].flat().filter(present).map((v) => JSON.stringify(v))));
  return { value: values.size, recordIds: counted.map((r) => r.id) };
}
