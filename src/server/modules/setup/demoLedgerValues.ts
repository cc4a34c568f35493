import type { FieldDef } from '../../../core/pack/schema.ts';
import { TEXTS } from './demoLedgerText.ts';

// Values for a demo record's fields, from the field's definition in the pack: whatever fields a
// record type has, each gets something plausible of its kind. A plan may pin a field (a choice a
// rule counts, a yes/no); a pinned value the pack does not allow is ignored, never fatal.

export interface DemoPerson {
  id: string;
  name: string;
  position: string;
}

export interface DemoOrg {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  /** Staff of this org, the head first. */
  people: DemoPerson[];
}

/** Everything one record's values are drawn from. */
export interface RecordDraw {
  random: () => number;
  typeId: string;
  org: DemoOrg;
  /** The org's subordinate units (empty for a unit). */
  units: readonly DemoOrg[];
  occurredOn: string;
  today: string;
  year: number;
  /** The n-th record of this type for the org in the year, from 1. */
  n: number;
  /** An evidence file of the org, or null when the demo stores no files. */
  evidence: () => string | null;
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function some<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const shuffled = [...items].sort(() => random() - 0.5);
  return shuffled.slice(0, Math.min(items.length, min + Math.floor(random() * (max - min + 1))));
}

const between = (random: () => number, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** `days` after `iso`, never past `limit` when one is given. */
export function addDays(iso: string, days: number, limit?: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const out = date.toISOString().slice(0, 10);
  return limit && out > limit ? limit : out;
}

/** Plausible ranges for number fields by id; others stay near their minimum. */
const NUMBERS: Record<string, [number, number]> = {
  attendee_count: [7, 12], duration_hours: [3, 4], attendance_rate: [92, 100], score: [2, 10], audience_count: [40, 200],
  volunteer_count: [10, 40], service_hours: [20, 120], beneficiaries: [100, 800], problem_count: [0, 3], outlet_count: [4, 12],
  first_report_hours: [1, 2], response_hours: [3, 20], event_count: [1, 5], word_count: [2500, 5000], proof_rounds: [3, 3],
  topic_count: [10, 12], weight_percent: [10, 20], self_score: [90, 98], assessor_score: [86, 97], expected_size: [60, 180],
};

/** People fields that name one leading person; the rest name several participants. */
const LEADS = new Set(['host', 'convenor', 'speaker', 'lead_reader', 'final_approver', 'leader', 'responsible_leader', 'accepted_by', 'first_reviewer']);
/** Date fields that lie ahead of the record's date (deadlines); the others follow it and are past. */
const AHEAD = new Set(['deadline', 'resolve_by', 'event_on']);
/** Org fields that are the record's own org. */
const OWN_ORG = new Set(['host_unit', 'organiser', 'assessed_org']);

function text(def: FieldDef, d: RecordDraw): string | undefined {
  const bank = TEXTS[`${d.typeId}.${def.id}`] ?? TEXTS[def.id];
  if (!bank) return def.required ? `${def.label}详见会议记录。` : undefined;
  const line = pick(d.random, bank).replace('{year}', String(d.year)).replace('{n}', String(d.n));
  return def.maxLength ? [...line].slice(0, def.maxLength).join('') : line;
}

function number(def: FieldDef, d: RecordDraw): number {
  if (def.id === 'year') return d.year;
  if (def.id === 'session_no') return d.n;
  const [lo, hi] = NUMBERS[def.id] ?? [def.min ?? 1, (def.min ?? 1) + 9];
  return Math.min(def.max ?? Infinity, Math.max(def.min ?? -Infinity, between(d.random, lo, hi)));
}

function people(def: FieldDef, d: RecordDraw): string | string[] | undefined {
  const staff = d.org.people;
  if (staff.length === 0) return undefined;
  if (!def.multiple) return LEADS.has(def.id) ? staff[0]!.id : pick(d.random, staff).id;
  return some(d.random, staff, Math.min(2, staff.length), Math.min(6, staff.length)).map((p) => p.id);
}

function org(def: FieldDef, d: RecordDraw): string | string[] {
  if (OWN_ORG.has(def.id) || d.units.length === 0) return def.multiple ? [d.org.id] : d.org.id;
  return def.multiple ? some(d.random, d.units, 2, 4).map((u) => u.id) : pick(d.random, d.units).id;
}

/** A value for `def`, or undefined to leave an optional field empty. */
export function drawValue(def: FieldDef, d: RecordDraw): unknown {
  switch (def.type) {
    case 'text':
    case 'longtext':
      return text(def, d);
    case 'number':
      return number(def, d);
    case 'date':
      return AHEAD.has(def.id) ? addDays(d.occurredOn, between(d.random, 10, 30)) : addDays(d.occurredOn, between(d.random, 1, 15), d.today);
    case 'choice': {
      const values = (def.options ?? []).map((o) => o.value);
      return def.multiple ? some(d.random, values, 1, 3) : pick(d.random, values);
    }
    case 'boolean':
      return d.random() < 0.8;
    case 'people':
      return people(def, d);
    case 'org':
      return org(def, d);
    case 'url':
      return `https://www.example.gov.cn/wlj/${d.occurredOn.replaceAll('-', '/')}/${d.n}.html`;
    case 'attachments': {
      const file = d.evidence();
      return file ? [file] : undefined;
    }
  }
}

/** A pinned value, if the field accepts it (a choice among its options, the right type otherwise). */
export function pinned(def: FieldDef, value: unknown): boolean {
  if (def.type === 'choice') {
    const options = new Set((def.options ?? []).map((o) => o.value));
    return [value].flat().every((v) => typeof v === 'string' && options.has(v)) && Array.isArray(value) === def.multiple;
  }
  if (def.type === 'boolean') return typeof value === 'boolean';
  if (def.type === 'number') return typeof value === 'number';
  return typeof value === 'string';
}
