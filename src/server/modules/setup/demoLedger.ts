import type { Transaction } from 'kysely';
import { appliesToKind, checkFields, searchTextOf } from '../../../core/ledger/fields.ts';
import type { PackRegistry } from '../../../core/pack/registry.ts';
import type { RecordTypeDef } from '../../../core/pack/schema.ts';
import type { Database } from '../../db/database.ts';
import { now } from '../../platform/clock.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { insertRecords, type NewRecord } from '../ledger/record.repository.ts';
import type { OrgRow } from '../org/org.table.ts';
import { demoEvidence } from './demoEvidence.ts';
import { TITLES } from './demoLedgerText.ts';
import { addDays, type DemoOrg, drawValue, pick, pinned, type RecordDraw } from './demoLedgerValues.ts';

// A realistic ledger for the demo bureau: last year and this year up to today, for the `ideology`
// pack's record types that apply to each unit's kind. Some requirements are deliberately unmet so
// that the compliance pages have something to say:
//   - the party group skipped one quarter's dedicated meeting on ideology work (this year's second
//     quarter once it has ended, otherwise last year's third);
//   - the central study group missed two months (last August, this February);
//   - this year there is one situation analysis where two are required;
//   - this year's first-half internal bulletin and last year's fourth-quarter information report are missing;
//   - a few departments leave months without submitting articles; the library skipped an outlet check.
// Everything is drawn from a seeded generator (the same demo every time for the same day), and a
// record type or field the pack does not have is skipped: the demo never breaks set-up.

const PACK_ID = 'ideology';

type Cadence = 'month' | 'quarter' | 'half' | { inMonth: number } | { perYear: number };

interface Period {
  year: number;
  /** First and last day (YYYY-MM-DD). */
  start: string;
  end: string;
  current: boolean;
}

type PinValue = string | number | boolean | string[];
/** What a pin function may look at. */
interface PinDraw {
  period: Period;
  /** The record's month, 1–12. */
  month: number;
  random: () => number;
}
/** A pinned field value, or a function giving one; from a function, null leaves the field empty and undefined draws as usual. */
type Pin = PinValue | ((d: PinDraw) => PinValue | null | undefined);

interface Plan {
  type: string;
  at: 'top' | 'departments' | 'affiliates' | readonly string[];
  every: Cadence;
  /** Field values this plan needs (those the rules count). */
  pin?: Record<string, Pin>;
  /** Deliberate gaps: true leaves the period without a record. */
  skip?: (p: Period & { month: number; quarter: number; half: number }, org: DemoOrg, t: Today) => boolean;
  /** Records per period (default 1). */
  count?: (org: DemoOrg) => number;
  /** Only last year (things done once). */
  lastYearOnly?: boolean;
  /** A fixed title instead of the type's usual one. */
  title?: string;
  /** Dated in the period's last month (reports on the period), so not before that month begins. */
  late?: boolean;
}

interface Today {
  date: string;
  year: number;
  month: number;
}

const quarterOf = (month: number) => Math.ceil(month / 3);
const SPARSE_ARTICLES: Record<string, readonly number[]> = { D06: [2, 5, 8, 11], D08: [1, 3, 4, 7, 9, 10], D03: [6], A02: [2, 8] };

/** Media levels of adopted articles, most often municipal, rarely central. */
const MEDIA_LEVELS: readonly [string, number][] = [['central', 0.04], ['provincial', 0.2], ['municipal', 0.5], ['county', 0.14], ['industry', 0.12]];

/** An article: about half are adopted by an outside medium, and only those carry where and when. */
const ARTICLE: Record<string, Pin> = {
  adopted: (d) => d.random() < 0.55,
  media_level: (d) => {
    let roll = d.random();
    return MEDIA_LEVELS.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'municipal';
  },
};
const ADOPTION_FIELDS = ['media_level', 'placement', 'published_on', 'outlet_name', 'link', 'score', 'proof'];

/** The schedule. Type ids and pinned values refer to the ideology pack; anything it lacks is skipped. */
const PLANS: readonly Plan[] = [
  { type: 'topic_meeting', at: 'top', every: 'quarter', pin: { agenda_scope: 'dedicated', meeting_kind: 'party_group_meeting', minutes_signed: true },
    skip: (p, _o, t) => (t.month > 6 ? p.year === t.year && p.quarter === 2 : p.year === t.year - 1 && p.quarter === 3) },
  { type: 'central_group_study', at: 'top', every: 'month',
    pin: { mode: (d) => (d.month % 3 === 1 ? 'group_discussion' : 'concentrated_study'), ideology_topic: (d) => d.month === 6, reported: true },
    skip: (p, _o, t) => (p.year === t.year - 1 && p.month === 8) || (p.year === t.year && p.month === 2) },
  { type: 'situation_analysis', at: 'top', every: 'quarter', pin: { trigger: 'regular' }, skip: (p, _o, t) => p.year === t.year && p.quarter > 1 },
  { type: 'situation_analysis', at: 'affiliates', every: 'quarter', pin: { trigger: 'regular' } },
  { type: 'analysis_report', at: 'top', every: { inMonth: 12 }, pin: { scope: 'comprehensive', recipient: 'propaganda_dept' } },
  { type: 'analysis_report', at: 'affiliates', every: { inMonth: 12 }, pin: { scope: 'comprehensive', recipient: 'superior_committee' } },
  { type: 'upward_report', at: 'top', every: 'half', late: true, pin: { kind: 'half_year_report', recipient: 'superior_committee' } },
  { type: 'upward_report', at: 'top', every: { inMonth: 12 }, pin: { kind: 'annual_report', recipient: 'superior_committee' } },
  { type: 'upward_report', at: 'top', every: 'quarter', pin: { kind: 'info_submission', recipient: 'propaganda_dept' },
    skip: (p, _o, t) => p.year === t.year - 1 && p.quarter === 4 },
  { type: 'upward_report', at: 'top', every: 'half', late: true, pin: { kind: 'internal_bulletin', recipient: 'internal' }, skip: (p, _o, t) => p.year === t.year && p.half === 1 },
  { type: 'upward_report', at: 'top', every: 'half', late: true, pin: { kind: 'study_report', recipient: 'superior_committee' } },
  { type: 'work_plan', at: 'top', every: { inMonth: 2 }, pin: { plan_kind: 'work_points', includes_ideology: true } },
  { type: 'work_plan', at: 'affiliates', every: { inMonth: 3 }, pin: { plan_kind: 'work_plan', includes_ideology: true } },
  { type: 'responsibility_letter', at: 'top', every: { inMonth: 3 }, pin: { doc_kind: 'duty_list' } },
  { type: 'responsibility_letter', at: 'top', every: { inMonth: 3 }, pin: { doc_kind: 'letter', parties: ['lower_orgs'] } },
  { type: 'study_plan', at: 'top', every: { inMonth: 1 }, pin: { includes_ideology: true } },
  { type: 'study_output', at: 'top', every: { perYear: 3 } },
  { type: 'party_lecture', at: 'top', every: { inMonth: 7 }, pin: { speaker_role: 'secretary', ideology_topic: true } },
  { type: 'democratic_life_review', at: 'top', every: { inMonth: 1 }, pin: { event_kind: 'democratic_life', ideology_section: true } },
  { type: 'democratic_life_review', at: 'top', every: { inMonth: 1 }, pin: { event_kind: 'annual_debrief', ideology_section: true } },
  { type: 'assessment_record', at: 'top', every: { inMonth: 12 }, pin: { stage: 'approved' } },
  { type: 'assessment_record', at: 'departments', every: { inMonth: 12 }, pin: { stage: 'self_assessment' } },
  { type: 'assessment_record', at: 'affiliates', every: { inMonth: 12 }, pin: { stage: 'self_assessment' } },
  { type: 'inspection_record', at: 'top', every: { inMonth: 11 }, pin: { inspection_kind: 'special', reported_up: true } },
  { type: 'outlet_check', at: 'top', every: 'quarter', pin: { purpose: 'content', scope: 'full' } },
  { type: 'outlet_check', at: 'affiliates', every: 'quarter', pin: { purpose: 'content', scope: 'full' },
    skip: (p, o, t) => o.code === 'A01' && p.year === t.year && p.quarter === 1 },
  { type: 'outlet_check', at: 'top', every: 'half', pin: { purpose: 'inventory' } },
  { type: 'outlet_check', at: 'affiliates', every: 'half', pin: { purpose: 'inventory' } },
  ...([['局门户网站', 'website'], ['“示例文旅”微信公众号', 'wechat'], ['“示例文旅”抖音号', 'douyin']] as const).map(([title, kind]): Plan => ({
    type: 'outlet', at: 'top', every: { inMonth: 1 }, lastYearOnly: true, title, pin: { outlet_type: kind, status: 'active', filing_status: 'filed', closed_on: () => null },
  })),
  { type: 'first_topic', at: 'top', every: { perYear: 6 }, pin: { host_meeting: 'party_group_meeting' } },
  { type: 'opinion_event', at: 'top', every: { perYear: 2 }, pin: { grade: (d) => (d.month % 2 ? 'level3' : 'level2'), accountability: false } },
  { type: 'opinion_event', at: ['D07', 'A01'], every: { perYear: 1 }, pin: { grade: 'level3', accountability: false } },
  { type: 'opinion_bulletin', at: 'top', every: { perYear: 4 }, pin: { bulletin_kind: 'monthly' } },
  { type: 'risk_check', at: 'top', every: { perYear: 2 },
    pin: { status: (d) => (d.period.current ? 'in_progress' : 'resolved'), resolved_on: (d) => (d.period.current ? null : undefined) } },
  { type: 'event_approval', at: 'affiliates', every: { perYear: 1 }, pin: { approval_stage: 'approved', foreign_participants: false } },
  { type: 'article', at: 'departments', every: 'month', count: (o) => (o.code === 'D05' ? 3 : 1), pin: ARTICLE,
    skip: (p, o) => SPARSE_ARTICLES[o.code ?? '']?.includes(p.month) ?? false },
  { type: 'article', at: 'affiliates', every: 'month', pin: ARTICLE, skip: (p, o) => SPARSE_ARTICLES[o.code ?? '']?.includes(p.month) ?? false },
  { type: 'publish_review', at: ['D05'], every: 'month', count: () => 2, pin: { platform: 'wechat', proof_rounds: 3 } },
  { type: 'outreach_lecture', at: 'top', every: { perYear: 2 }, pin: { audience_type: 'community' } },
  { type: 'outreach_lecture', at: 'affiliates', every: { perYear: 2 }, pin: { audience_type: 'public' } },
  { type: 'volunteer_activity', at: 'affiliates', every: { perYear: 4 } },
  { type: 'role_model', at: ['A02'], every: { perYear: 1 } },
];

/** A small seeded generator (mulberry32), seeded from text so that each plan draws on its own. */
function seeded(seed: string): () => number {
  let h = 1779033703;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The periods of a cadence in `year` that have begun by today, each with its months. */
function periods(every: Cadence, year: number, today: Today): (Period & { months: number[] })[] {
  const spans: number[][] = every === 'month' ? Array.from({ length: 12 }, (_, i) => [i + 1])
    : every === 'quarter' ? [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
      : every === 'half' ? [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]]
        : 'inMonth' in every ? [[every.inMonth]] : [Array.from({ length: 12 }, (_, i) => i + 1)];
  return spans
    .map((months) => ({ year, months, start: iso(year, months[0]!, 1), end: iso(year, months.at(-1)!, lastDay(year, months.at(-1)!)) }))
    .filter((p) => p.start <= today.date)
    .map((p) => ({ ...p, current: p.end >= today.date }));
}

/** A working day within the period and not after today, or null when none is left. */
function dayIn(random: () => number, from: string, to: string): string | null {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  return days.length > 0 ? pick(random, days) : null;
}

interface Bureau {
  top: DemoOrg;
  departments: DemoOrg[];
  affiliates: DemoOrg[];
}

async function loadBureau(trx: Transaction<Database>, root: OrgRow): Promise<Bureau> {
  const orgs = await trx.selectFrom('org').selectAll().where('path', 'like', `${root.path}%`).orderBy('sort_order').execute();
  const people = await trx.selectFrom('person').select(['id', 'name', 'position', 'org_id', 'created_at']).where('org_id', 'in', orgs.map((o) => o.id)).execute();
  const demoOrg = (o: OrgRow): DemoOrg => ({
    id: o.id, name: o.name, code: o.code, kind: o.kind,
    // Insertion order: the demo roster lists each unit's head first.
    people: people.filter((p) => p.org_id === o.id).sort((a, b) => a.created_at.localeCompare(b.created_at)).map((p) => ({ id: p.id, name: p.name, position: p.position ?? '' })),
  });
  const units = orgs.filter((o) => o.parent_id === root.id).map(demoOrg);
  return { top: demoOrg(root), departments: units.filter((u) => u.kind === 'department'), affiliates: units.filter((u) => u.kind === 'affiliate') };
}

function orgsOf(plan: Plan, bureau: Bureau): DemoOrg[] {
  if (plan.at === 'top') return [bureau.top];
  if (plan.at === 'departments') return bureau.departments;
  if (plan.at === 'affiliates') return bureau.affiliates;
  const codes = plan.at;
  return [...bureau.departments, ...bureau.affiliates].filter((u) => codes.includes(u.code ?? ''));
}

/** One record, or null when the pack's fields cannot be satisfied (then it is left out). */
function draft(type: RecordTypeDef, plan: Plan, draw: RecordDraw, period: Period, month: number): NewRecord | null {
  const input: Record<string, unknown> = {};
  for (const def of type.fields) {
    const pin = plan.pin?.[def.id];
    const value = typeof pin === 'function' ? pin({ period, month, random: draw.random }) : pin;
    if (value === null) continue;
    if (value !== undefined && pinned(def, value)) input[def.id] = value;
    // Optional fields are filled about two times in three, as real ledgers are.
    else if (def.required || draw.random() < 0.65) input[def.id] = drawValue(def, draw);
  }
  // An article nobody adopted has no medium, placement or publication date.
  if (input.adopted === false) for (const id of ADOPTION_FIELDS) delete input[id];
  const checked = checkFields(type, input);
  if (checked.issues.length > 0) return null;
  const parts = {
    year: draw.year, month, quarter: quarterOf(month), half: month <= 6 ? 1 : 2, unit: draw.org.name, n: draw.n, values: checked.values,
    pick: <T>(items: readonly T[]) => pick(draw.random, items),
  };
  const title = plan.title ?? TITLES[type.id]?.(parts) ?? `${draw.org.name}${type.name}`;
  return {
    id: newId(), packId: PACK_ID, typeId: type.id, orgId: draw.org.id, title, occurredOn: draw.occurredOn, fields: checked.values,
    searchText: searchTextOf(type, title, checked.values), attachments: checked.refs.attachments,
  };
}

function recordsOf(plan: Plan, type: RecordTypeDef, org: DemoOrg, bureau: Bureau, today: Today, evidence: ReadonlyMap<string, string>): NewRecord[] {
  const random = seeded(`${plan.type}:${JSON.stringify(plan.pin ?? {})}:${org.code ?? 'top'}`);
  const out: NewRecord[] = [];
  for (const year of plan.lastYearOnly ? [today.year - 1] : [today.year - 1, today.year]) {
    let n = 0;
    const perYear = typeof plan.every === 'object' && 'perYear' in plan.every ? plan.every.perYear : 1;
    for (const period of periods(plan.every, year, today)) {
      const at = { ...period, month: period.months[0]!, quarter: quarterOf(period.months[0]!), half: period.months[0]! <= 6 ? 1 : 2 };
      if (plan.skip?.(at, org, today)) continue;
      for (let i = 0; i < perYear * (plan.count?.(org) ?? 1); i++) {
        const from = plan.late ? iso(year, period.months.at(-1)!, 1) : period.start;
        const occurredOn = dayIn(random, from, period.end < today.date ? period.end : today.date);
        if (!occurredOn) continue;
        n += 1;
        const draw: RecordDraw = {
          random, typeId: type.id, org, units: org === bureau.top ? [...bureau.departments, ...bureau.affiliates] : [], occurredOn, today: today.date, year, n,
          evidence: () => evidence.get(org.id) ?? null,
        };
        const record = draft(type, plan, draw, period, Number(occurredOn.slice(5, 7)));
        if (record) out.push(record);
      }
    }
  }
  return out;
}

/**
 * Writes the demo ledger under `root` (already holding the demo units and people). Returns how
 * many records it wrote: none when the `ideology` pack is not loaded.
 */
export async function loadDemoLedger(
  trx: Transaction<Database>,
  opts: { root: OrgRow; packs: PackRegistry; dataDir: string | null },
): Promise<number> {
  if (!opts.packs.get(PACK_ID)) return 0;
  const bureau = await loadBureau(trx, opts.root);
  const clerk = await trx.selectFrom('app_user').select('id').where('username', '=', 'clerk').executeTakeFirst();
  const actor: Actor = { ...systemActor('demo'), userId: clerk?.id ?? '' };
  // China Standard Time: the day the users live in.
  const date = new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const today: Today = { date, year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
  const evidence = await demoEvidence(trx, actor, opts.dataDir, [bureau.top, ...bureau.departments, ...bureau.affiliates]);
  const records: NewRecord[] = [];
  for (const plan of PLANS) {
    const type = opts.packs.recordType(PACK_ID, plan.type);
    if (!type) continue;
    for (const org of orgsOf(plan, bureau)) {
      if (appliesToKind(type, org.kind)) records.push(...recordsOf(plan, type, org, bureau, today, evidence));
    }
  }
  await insertRecords(trx, actor, records);
  return records.length;
}
