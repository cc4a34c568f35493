import type { Condition } from '../pack/schema.ts';

// Slots in template text: {{kind}} or {{kind:argument key=value …}}. Pure parsing; what each slot
// needs from the ledger is collected by templateNeeds.ts, and drafting fills them (draft.ts).
//
//   {{metric:topic_meeting.count}}                 a figure of the pack's metric
//   {{records:theme_day limit=3 where=kind:a|b}}   titles of records, quoted: “A”“B”“C” (quote=book: 《A》《B》)
//   {{rule:IW-01}}                                 a rule's status over the period, in words
//   {{problems limit=5}}                           unmet rules of the period (存在问题)
//   {{plans:work_plan field=items limit=6}}        the next period's plan items
//   {{org.name}} {{period.label}} {{period.year}} {{period.next_year}} {{period.next_label}} {{date.issue}}
//   {{duty:first_responsible}}                     the name of who holds a duty role in the org
//   {{unbound:3}}                                  an imported report's placeholder no metric answers

export const TEXT_SLOTS = ['org.name', 'period.label', 'period.year', 'period.next_year', 'period.next_label', 'date.issue'] as const;
export type TextSlotName = (typeof TEXT_SLOTS)[number];

export type Slot =
  | { kind: 'metric'; metricId: string }
  | { kind: 'records'; recordType: string; limit: number; where: Condition[]; book: boolean }
  | { kind: 'rule'; ruleId: string }
  | { kind: 'problems'; limit: number }
  | { kind: 'plans'; recordType: string; field: string | null; limit: number }
  | { kind: 'text'; name: TextSlotName }
  | { kind: 'duty'; role: string }
  | { kind: 'unbound'; index: number };

/** Slots whose value comes from the ledger: each carries provenance, and an empty one drops its sentence. */
export type DataSlot = Extract<Slot, { kind: 'metric' | 'records' | 'rule' | 'problems' | 'plans' }>;
export const isDataSlot = (slot: Slot): slot is DataSlot => ['metric', 'records', 'rule', 'problems', 'plans'].includes(slot.kind);
/** Slots that expand into a list: as a whole item, one item per entry. */
export type ListSlot = Extract<Slot, { kind: 'problems' | 'plans' }>;
export const isListSlot = (slot: Slot): slot is ListSlot => slot.kind === 'problems' || slot.kind === 'plans';

/** A slot as written in the text, parsed, or the reason it could not be. */
export interface SlotRef {
  raw: string;
  slot: Slot | null;
  error: string | null;
}

/** Text split into literal pieces and slots, in order. */
export type TextPiece = string | SlotRef;

export const DEFAULTS = { recordsLimit: 3, problemsLimit: 5, plansLimit: 6, plansType: 'work_plan', plansField: 'items' } as const;

const SLOT = /\{\{([^{}]*)\}\}/g;
const BODY = /^\s*([a-z][a-z_.]*)(?::([A-Za-z0-9_.-]+))?((?:\s+[a-z]+=[^\s{}]+)*)\s*$/;

function parseValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** `where=kind:a|b,adopted:true` → conditions; `|` gives a list (in), one value equals. */
function parseWhere(text: string): Condition[] | string {
  const conditions: Condition[] = [];
  for (const part of text.split(',')) {
    const m = /^([a-z][a-z0-9_]*):(.+)$/.exec(part);
    if (!m) return `条件“${part}”应写作 字段:值`;
    const values = m[2]!.split('|').map(parseValue);
    if (values.length === 1) conditions.push({ field: m[1]!, equals: values[0]! });
    else if (values.some((v) => typeof v === 'boolean')) return `条件“${part}”：是/否字段只能取一个值`;
    else conditions.push({ field: m[1]!, in: values as (string | number)[] });
  }
  return conditions;
}

function parseLimit(options: Map<string, string>, fallback: number): number | string {
  const raw = options.get('limit');
  if (raw === undefined) return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : `limit 须为 1 到 50 的整数`;
}

/** The slot of `{{body}}`, or a message saying what is wrong with it. */
export function parseSlot(body: string): Slot | string {
  const m = BODY.exec(body);
  if (!m) return `无法识别的槽位“{{${body}}}”`;
  const [, name, arg, rest] = m as unknown as [string, string, string | undefined, string];
  const options = new Map(rest.trim() === '' ? [] : rest.trim().split(/\s+/).map((kv) => kv.split('=', 2) as [string, string]));
  const allowed: Record<string, readonly string[]> = { records: ['limit', 'where', 'quote'], problems: ['limit'], plans: ['limit', 'field'] };
  const unknown = [...options.keys()].filter((k) => !(allowed[name] ?? []).includes(k));
  if (unknown.length > 0) return `槽位“${name}”不支持参数 ${unknown.join('、')}`;
  const needsArg = (kind: string) => (arg ? null : `槽位“${kind}”须指明对象，如 {{${kind}:…}}`);
  switch (name) {
    case 'metric':
      return needsArg(name) ?? { kind: 'metric', metricId: arg! };
    case 'rule':
      return needsArg(name) ?? { kind: 'rule', ruleId: arg! };
    case 'duty':
      return needsArg(name) ?? { kind: 'duty', role: arg! };
    case 'records': {
      const limit = parseLimit(options, DEFAULTS.recordsLimit);
      const where = options.has('where') ? parseWhere(options.get('where')!) : [];
      const quote = options.get('quote') ?? 'double';
      if (typeof limit === 'string') return limit;
      if (typeof where === 'string') return where;
      if (quote !== 'double' && quote !== 'book') return 'quote 须为 double（“”）或 book（《》）';
      return needsArg(name) ?? { kind: 'records', recordType: arg!, limit, where, book: quote === 'book' };
    }
    case 'problems': {
      const limit = parseLimit(options, DEFAULTS.problemsLimit);
      return typeof limit === 'string' ? limit : { kind: 'problems', limit };
    }
    case 'plans': {
      const limit = parseLimit(options, DEFAULTS.plansLimit);
      if (typeof limit === 'string') return limit;
      const field = options.get('field') ?? (arg ? null : DEFAULTS.plansField);
      return { kind: 'plans', recordType: arg ?? DEFAULTS.plansType, field, limit };
    }
    case 'unbound': {
      const index = Number(arg);
      return Number.isInteger(index) && index >= 0 ? { kind: 'unbound', index } : '槽位“unbound”须带占位符序号，如 {{unbound:3}}';
    }
    default:
      if ((TEXT_SLOTS as readonly string[]).includes(name) && !arg) return { kind: 'text', name: name as TextSlotName };
      return `未知槽位“${name}”（可用：metric、records、rule、problems、plans、duty、unbound、${TEXT_SLOTS.join('、')}）`;
  }
}

/** The text as literal pieces and slot references. */
export function splitSlots(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    if (m.index > last) pieces.push(text.slice(last, m.index));
    const parsed = parseSlot(m[1]!);
    pieces.push({ raw: m[0], slot: typeof parsed === 'string' ? null : parsed, error: typeof parsed === 'string' ? parsed : null });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

/** Every slot reference in the text. */
export const slotsIn = (text: string): SlotRef[] => splitSlots(text).filter((p): p is SlotRef => typeof p !== 'string');

/** Braces left over where a slot was meant but not closed ("{{metric:x}", "{{"): an error in a template. */
export const strayBraces = (text: string): boolean => /\{\{|\}\}/.test(text.replace(SLOT, ''));

/**
 * A key naming what a slot reads, the same for the same question: facts are loaded once per key and
 * looked up by it (two `{{records:…}}` with the same type and filter share one list).
 */
export function slotKey(slot: Slot): string {
  switch (slot.kind) {
    case 'metric':
      return `metric:${slot.metricId}`;
    case 'records':
      return `records:${slot.recordType}:${JSON.stringify(slot.where)}`;
    case 'rule':
      return `rule:${slot.ruleId}`;
    case 'plans':
      return `plans:${slot.recordType}:${slot.field ?? ''}`;
    case 'problems':
      return 'problems';
    case 'text':
      return slot.name;
    case 'duty':
      return `duty:${slot.role}`;
    case 'unbound':
      return `unbound:${slot.index}`;
  }
}
