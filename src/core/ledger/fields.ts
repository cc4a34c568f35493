import type { FieldDef, RecordTypeDef } from '../pack/schema.ts';
import { isIsoDate } from './dates.ts';

// A record's pack-defined fields, checked against its record type: the values are normalised
// (trimmed, empty dropped) and every problem is returned as data, naming the field by its label so
// that the form can show it beside the input. Whether referenced people, orgs and attachments exist
// in the actor's scope needs the database: the refs are returned for the service to check.

export type FieldValue = string | number | boolean | string[];
export type FieldValues = Record<string, FieldValue>;

export interface FieldIssue {
  /** Request path of the field, e.g. "fields.host". */
  field: string;
  message: string;
}

/** Ids a record refers to, by field, for the scope checks the service makes. */
export interface FieldRef {
  fieldId: string;
  label: string;
  ids: string[];
}

export interface FieldRefs {
  people: FieldRef[];
  orgs: FieldRef[];
  attachments: FieldRef[];
}

export interface CheckedFields {
  values: FieldValues;
  issues: FieldIssue[];
  refs: FieldRefs;
}

/** Caps that apply when the pack sets none: they keep one record's JSON reasonably small. */
export const FIELD_LIMITS = { text: 500, longtext: 20_000, url: 2_000, id: 100, items: 500 } as const;

const VERB: Partial<Record<FieldDef['type'], string>> = {
  choice: '请选择', boolean: '请选择', people: '请选择', org: '请选择', attachments: '请上传',
};

/** The value is absent when it is missing, null, blank text or an empty list. */
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

type Check = { value: FieldValue } | { message: string };

function checkText(def: FieldDef, value: unknown): Check {
  if (typeof value !== 'string') return { message: `${def.label}须为文本` };
  const text = value.trim();
  const max = def.maxLength ?? (def.type === 'longtext' ? FIELD_LIMITS.longtext : FIELD_LIMITS.text);
  if ([...text].length > max) return { message: `${def.label}不能超过${max}个字` };
  return { value: text };
}

function checkNumber(def: FieldDef, value: unknown): Check {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { message: `${def.label}须为数字` };
  if (def.min !== undefined && value < def.min) return { message: `${def.label}不能小于${def.min}` };
  if (def.max !== undefined && value > def.max) return { message: `${def.label}不能大于${def.max}` };
  return { value };
}

function checkDate(def: FieldDef, value: unknown): Check {
  if (typeof value !== 'string' || !isIsoDate(value.trim())) return { message: `${def.label}须为有效日期（YYYY-MM-DD）` };
  return { value: value.trim() };
}

function checkUrl(def: FieldDef, value: unknown): Check {
  const message = `${def.label}须为以 http:// 或 https:// 开头的网址`;
  if (typeof value !== 'string') return { message };
  const text = value.trim();
  if (text.length > FIELD_LIMITS.url) return { message: `${def.label}不能超过${FIELD_LIMITS.url}个字符` };
  try {
    const url = new URL(text);
    // Only web addresses: javascript:, data: and file: links must never reach a page as a link.
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? { value: text } : { message };
  } catch {
    return { message };
  }
}

/** One value or a list of them (`multiple`), each checked by `one`; duplicates dropped. */
function checkList(def: FieldDef, value: unknown, one: (item: unknown) => string | null, what: string): Check {
  if (!def.multiple) {
    const item = one(value);
    return item === null ? { message: `${def.label}须为单个${what}` } : { value: item };
  }
  if (!Array.isArray(value)) return { message: `${def.label}须为${what}列表` };
  if (value.length > FIELD_LIMITS.items) return { message: `${def.label}最多${FIELD_LIMITS.items}项` };
  const items: string[] = [];
  for (const raw of value) {
    const item = one(raw);
    if (item === null) return { message: `${def.label}中有无效的${what}` };
    if (!items.includes(item)) items.push(item);
  }
  return { value: items };
}

const idOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' && value.length <= FIELD_LIMITS.id ? value.trim() : null;

function checkChoice(def: FieldDef, value: unknown): Check {
  const allowed = new Set((def.options ?? []).map((o) => o.value));
  const checked = checkList(def, value, (v) => (typeof v === 'string' ? v : null), '选项');
  if (!('value' in checked)) return checked;
  const bad = [checked.value].flat().find((v) => !allowed.has(v as string));
  return bad === undefined ? checked : { message: `${def.label}的选项“${String(bad).slice(0, 50)}”无效` };
}

const CHECKS: Record<FieldDef['type'], (def: FieldDef, value: unknown) => Check> = {
  text: checkText,
  longtext: checkText,
  number: checkNumber,
  date: checkDate,
  url: checkUrl,
  choice: checkChoice,
  boolean: (def, value) => (typeof value === 'boolean' ? { value } : { message: `${def.label}须为“是”或“否”` }),
  people: (def, value) => checkList(def, value, idOf, '人员'),
  org: (def, value) => checkList(def, value, idOf, '组织'),
  attachments: (def, value) => checkList(def, value, idOf, '附件'),
};

const REF_KINDS = { people: 'people', org: 'orgs', attachments: 'attachments' } as const;

/**
 * Checks `input` (the request's `fields` object) against the record type. Unknown keys, missing
 * required values and values of the wrong shape are issues; everything else lands in `values`.
 */
export function checkFields(type: RecordTypeDef, input: unknown): CheckedFields {
  const values: FieldValues = {};
  const issues: FieldIssue[] = [];
  const refs: FieldRefs = { people: [], orgs: [], attachments: [] };
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { values, issues: [{ field: 'fields', message: '字段内容须为对象' }], refs };
  }
  const given = input as Record<string, unknown>;
  const known = new Set(type.fields.map((f) => f.id));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) issues.push({ field: `fields.${key.slice(0, 100)}`, message: `“${type.name}”没有字段“${key.slice(0, 50)}”` });
  }
  for (const def of type.fields) {
    const raw = given[def.id];
    const field = `fields.${def.id}`;
    if (isEmpty(raw)) {
      if (def.required) issues.push({ field, message: `${VERB[def.type] ?? '请填写'}${def.label}` });
      continue;
    }
    const checked = CHECKS[def.type](def, raw);
    if ('message' in checked) {
      issues.push({ field, message: checked.message });
      continue;
    }
    values[def.id] = checked.value;
    if (def.type in REF_KINDS) {
      refs[REF_KINDS[def.type as keyof typeof REF_KINDS]].push({ fieldId: def.id, label: def.label, ids: [checked.value].flat() as string[] });
    }
  }
  return { values, issues, refs };
}

/** Lower-cased title and free-text values: what the list's text search looks through. */
export function searchTextOf(type: RecordTypeDef, title: string, values: FieldValues): string {
  const texts = type.fields.filter((f) => f.type === 'text' || f.type === 'longtext').map((f) => values[f.id]);
  return [title, ...texts].filter((t): t is string => typeof t === 'string' && t !== '').join('\n').toLowerCase();
}

/** Whether records of `type` may be kept by an org of `orgKind` (no list = every kind). */
export const appliesToKind = (type: RecordTypeDef, orgKind: string): boolean =>
  !type.orgKinds || (type.orgKinds as readonly string[]).includes(orgKind);
