import type { FieldDef, Pack, RecordTypeDef } from '../src/core/pack/schema.ts';
import { addDays, daysBetween } from '../src/core/compliance/period.ts';

// Synthetic data: a realistic org tree and records spread over a pack's record types, units and
// years. Deterministic (seeded), so a cached dataset and a regenerated one are the same.

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A UUID-shaped id from the PRNG (ids must be unique, not secret, here). */
export function fakeUuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface SyntheticOrg {
  id: string;
  parent_id: string | null;
  path: string;
  name: string;
  kind: string;
  sort_order: number;
}

const DISTRICT_NAMES = ['东城', '西城', '南湖', '北山', '高新', '经开', '滨江', '临港', '青山', '秀水', '长宁', '永安', '丰泽', '金湾', '兴华', '安平', '明德', '清源', '和平', '新区'];
const UNIT_KINDS = ['party_group', 'department', 'affiliate', 'branch', 'township'] as const;
const UNIT_NAMES: Record<(typeof UNIT_KINDS)[number], string> = {
  party_group: '局党组', department: '科室', affiliate: '直属单位', branch: '党支部', township: '街道党工委',
};

/** A city committee → districts (about 1 in 25 orgs) → units of mixed kinds: `count` orgs in all. */
export function orgTree(count: number, rand: () => number): SyntheticOrg[] {
  const city: SyntheticOrg = { id: fakeUuid(rand), parent_id: null, path: '', name: '示例市委', kind: 'committee', sort_order: 0 };
  city.path = `/${city.id}/`;
  const districtCount = Math.max(1, Math.min(DISTRICT_NAMES.length, Math.round(count / 25)));
  const orgs = [city];
  const districts: SyntheticOrg[] = [];
  for (let d = 0; d < districtCount && orgs.length < count; d++) {
    const id = fakeUuid(rand);
    const district = { id, parent_id: city.id, path: `${city.path}${id}/`, name: `${DISTRICT_NAMES[d]}区委`, kind: 'committee', sort_order: d + 1 };
    districts.push(district);
    orgs.push(district);
  }
  for (let u = 0; orgs.length < count; u++) {
    const parent = districts[u % districts.length]!;
    const kind = UNIT_KINDS[Math.floor(rand() * UNIT_KINDS.length)]!;
    const id = fakeUuid(rand);
    orgs.push({ id, parent_id: parent.id, path: `${parent.path}${id}/`, name: `${parent.name.replace('区委', '')}第${u + 1}${UNIT_NAMES[kind]}`, kind, sort_order: u });
  }
  return orgs;
}

export interface SyntheticRecord {
  id: string;
  type_id: string;
  org_id: string;
  title: string;
  occurred_on: string;
  fields: string;
}

function fieldValue(def: FieldDef, rand: () => number, date: string): unknown {
  const pick = () => def.options![Math.floor(rand() * def.options!.length)]!.value;
  switch (def.type) {
    case 'boolean': return rand() < 0.7;
    case 'choice': return def.multiple ? [...new Set([pick(), pick()])] : pick();
    case 'number': return Math.round((def.min ?? 0) + rand() * ((def.max ?? 3000) - (def.min ?? 0)));
    case 'date': return date;
    case 'text': return `第${Math.floor(rand() * 100)}项`;
    case 'longtext': return '会议传达学习了有关精神，研究部署了下一步工作。';
    case 'url': return 'https://www.example.gov.cn/news/1.html';
    default: return undefined; // people, org, attachments: references the benchmark does not need
  }
}

/** Types the org kind keeps (a type without a list is kept by all). */
const typesFor = (pack: Pack, kind: string): RecordTypeDef[] => pack.recordTypes.filter((t) => !t.orgKinds || (t.orgKinds as readonly string[]).includes(kind));

/** Longest delay between an activity and its entry in the ledger, in days. */
const ENTRY_DELAY_DAYS = 30;

/**
 * `count` records spread over the orgs, the record types their kind keeps, and the days from
 * `from` to `to`, yielded in batches in the order a real ledger fills up: each record is entered
 * up to a month after the day it happened (so table order roughly follows dates, as it does in
 * use; docs/performance.md gives the figures for a shuffled table too).
 */
export function* records(pack: Pack, orgs: readonly SyntheticOrg[], count: number, span: { from: string; to: string }, rand: () => number, batch = 10_000): Generator<SyntheticRecord[]> {
  const days = daysBetween(span.from, span.to) + 1;
  const byKind = new Map<string, RecordTypeDef[]>();
  for (const o of orgs) if (!byKind.has(o.kind)) byKind.set(o.kind, typesFor(pack, o.kind));
  // Records waiting for their entry day, by day index.
  const pending = new Map<number, SyntheticRecord[]>();
  let out: SyntheticRecord[] = [];
  for (let day = 0; day < days + ENTRY_DELAY_DAYS; day++) {
    const onDay = day < days ? Math.floor(((day + 1) * count) / days) - Math.floor((day * count) / days) : 0;
    const date = day < days ? addDays(span.from, day) : '';
    for (let i = 0; i < onDay; i++) {
      const org = orgs[Math.floor(rand() * orgs.length)]!;
      const types = byKind.get(org.kind)!;
      if (types.length === 0) continue;
      // Earlier types in the pack are the frequent ones (meetings before yearly reports).
      const type = types[Math.floor(rand() * rand() * types.length)]!;
      const fields: Record<string, unknown> = {};
      for (const def of type.fields) {
        const value = fieldValue(def, rand, date);
        if (value !== undefined) fields[def.id] = value;
      }
      const entered = day + Math.floor(rand() * ENTRY_DELAY_DAYS);
      const list = pending.get(entered) ?? [];
      list.push({ id: fakeUuid(rand), type_id: type.id, org_id: org.id, title: `${type.name}（${date}）`, occurred_on: date, fields: JSON.stringify(fields) });
      pending.set(entered, list);
    }
    for (const record of pending.get(day) ?? []) {
      out.push(record);
      if (out.length === batch) {
        yield out;
        out = [];
      }
    }
    pending.delete(day);
  }
  if (out.length > 0) yield out;
}
