import type { FormRule as Rule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { checkFields, type FieldValue } from '../../../core/ledger/fields.ts';
import type { FieldDef, RecordTypeDef } from '../../../core/pack/schema.ts';
import type { AttachmentRef } from '../../components/evidence/types.ts';
import type { FieldDisplayValue, LedgerRecord, NamedRef, RecordInput } from './api.ts';

// A record type's field schema as an antd form: which rules each field gets, and how values move
// between the form (dayjs dates, attachment objects) and the API (YYYY-MM-DD, ids). Validation
// runs the same core check the server runs, so the messages are the server's.

/** The built-in title's limit (record.schema.ts TITLE_MAX on the server). */
export const TITLE_MAX = 200;
export const DATE_FORMAT = 'YYYY-MM-DD';

/** What a form control holds for a field. */
export type FormFieldValue = string | number | boolean | string[] | Dayjs | AttachmentRef[] | null | undefined;

export interface RecordFormValues {
  orgId?: string;
  title?: string;
  occurredOn?: Dayjs | null;
  fields: Record<string, FormFieldValue>;
}

export const titleLabelOf = (type: Pick<RecordTypeDef, 'titleLabel'>): string => type.titleLabel ?? '标题';
export const dateLabelOf = (type: Pick<RecordTypeDef, 'dateLabel'>): string => type.dateLabel ?? '日期';

const isDayjs = (value: unknown): value is Dayjs => dayjs.isDayjs(value);
const isAttachment = (value: unknown): value is AttachmentRef =>
  value !== null && typeof value === 'object' && typeof (value as AttachmentRef).id === 'string' && 'mime' in value;
const isNamed = (value: unknown): value is NamedRef =>
  value !== null && typeof value === 'object' && typeof (value as NamedRef).id === 'string' && typeof (value as NamedRef).name === 'string';

/**
 * A form value as the API takes it, or undefined when the field is empty (the key is then left
 * out: the server treats a missing key as "not filled").
 */
export function toServerValue(def: FieldDef, value: unknown): FieldValue | undefined {
  if (value === undefined || value === null) return undefined;
  switch (def.type) {
    case 'text':
    case 'longtext':
    case 'url':
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    case 'date':
      if (isDayjs(value)) return value.isValid() ? value.format(DATE_FORMAT) : undefined;
      return typeof value === 'string' && value !== '' ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'attachments': {
      const ids = (Array.isArray(value) ? value : [value]).map((v) => (isAttachment(v) ? v.id : v)).filter((v): v is string => typeof v === 'string');
      if (ids.length === 0) return undefined;
      return def.multiple ? ids : ids[0];
    }
    case 'choice':
    case 'people':
    case 'org': {
      if (Array.isArray(value)) {
        const ids = value.filter((v): v is string => typeof v === 'string' && v !== '');
        if (ids.length === 0) return undefined;
        return def.multiple ? ids : ids[0];
      }
      if (typeof value !== 'string' || value === '') return undefined;
      return def.multiple ? [value] : value;
    }
  }
}

/** The `fields` object of a create or edit request: every filled field of the type, nothing else. */
export function toFieldsPayload(type: Pick<RecordTypeDef, 'fields'>, values: Record<string, unknown> | undefined): Record<string, FieldValue> {
  const payload: Record<string, FieldValue> = {};
  for (const def of type.fields) {
    const value = toServerValue(def, values?.[def.id]);
    if (value !== undefined) payload[def.id] = value;
  }
  return payload;
}

/** The whole form as a create/edit body (without pack and type, which the page knows). */
export function toRecordInput(type: Pick<RecordTypeDef, 'fields'>, values: RecordFormValues): Omit<RecordInput, 'packId' | 'typeId'> {
  return {
    orgId: values.orgId ?? '',
    title: (values.title ?? '').trim(),
    occurredOn: values.occurredOn && isDayjs(values.occurredOn) ? values.occurredOn.format(DATE_FORMAT) : '',
    fields: toFieldsPayload(type, values.fields),
  };
}

/** A value as the server shows it → what the field's control holds. */
export function fromServerValue(def: FieldDef, value: FieldDisplayValue | undefined): FormFieldValue {
  if (value === undefined) return undefined;
  switch (def.type) {
    case 'date':
      return typeof value === 'string' ? dayjs(value, DATE_FORMAT) : undefined;
    case 'people':
    case 'org': {
      const ids = [value].flat().map((v) => (isNamed(v) ? v.id : v)).filter((v): v is string => typeof v === 'string');
      return def.multiple ? ids : ids[0];
    }
    case 'attachments':
      return [value].flat().filter(isAttachment);
    case 'choice':
      return def.multiple ? [value].flat().filter((v): v is string => typeof v === 'string') : (value as string);
    default:
      return value as FormFieldValue;
  }
}

/** The names a record already carries for a people or org field, so that the pickers need not look them up. */
export function namedRefsOf(value: FieldDisplayValue | undefined): NamedRef[] {
  return [value ?? []].flat().filter(isNamed);
}

/** An existing record as form values. */
export function recordToFormValues(type: Pick<RecordTypeDef, 'fields'>, record: LedgerRecord): RecordFormValues {
  const fields: Record<string, FormFieldValue> = {};
  for (const def of type.fields) fields[def.id] = fromServerValue(def, record.fields[def.id]);
  return { orgId: record.orgId, title: record.title, occurredOn: dayjs(record.occurredOn, DATE_FORMAT), fields };
}

/** A new record's starting values: the given org, today, switches off. */
export function newFormValues(type: Pick<RecordTypeDef, 'fields'>, orgId: string | undefined, today: Dayjs = dayjs()): RecordFormValues {
  const fields: Record<string, FormFieldValue> = {};
  // A switch cannot show "not answered": it starts at 否, and that is what is saved unless changed.
  for (const def of type.fields) if (def.type === 'boolean') fields[def.id] = false;
  return { orgId, occurredOn: today.startOf('day'), fields };
}

/** The problem the server would report for this one field's value, or null when there is none. */
export function fieldProblem(def: FieldDef, value: unknown): string | null {
  const single: RecordTypeDef = { id: 'form', name: '', category: '', fields: [def] };
  const serverValue = toServerValue(def, value);
  const { issues } = checkFields(single, serverValue === undefined ? {} : { [def.id]: serverValue });
  return issues[0]?.message ?? null;
}

/** The antd rules of a field: the required mark, and the core check with its Chinese messages. */
export function fieldRules(def: FieldDef): Rule[] {
  return [
    {
      required: def.required,
      validator: async (_rule, value) => {
        const problem = fieldProblem(def, value);
        if (problem) throw new Error(problem);
      },
    },
  ];
}

/** How many evidence files a record carries, over all its attachment fields. */
export function evidenceCount(type: Pick<RecordTypeDef, 'fields'> | undefined, record: Pick<LedgerRecord, 'fields'>): number {
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(record.fields)) {
    const def = type?.fields.find((f) => f.id === key);
    // Without the type (a pack no longer loaded), any list of described files counts.
    if (def ? def.type !== 'attachments' : !Array.isArray(value)) continue;
    for (const file of [value].flat()) if (isAttachment(file)) ids.add(file.id);
  }
  return ids.size;
}
