import type { FieldValue, FieldValues } from '../../../core/ledger/fields.ts';
import type { PackRegistry } from '../../../core/pack/registry.ts';
import type { FieldDef } from '../../../core/pack/schema.ts';
import { fromJson } from '../../db/database.ts';
import type { NameMaps } from './record.repository.ts';
import type { FieldDisplayValue, RecordOut } from './record.schema.ts';
import type { RecordRow } from './record.table.ts';

// Stored records → the API shape: people and orgs as {id, name}, attachments with name, size and
// type, everything else as stored. A name that no longer resolves (a person deleted under PIPL)
// shows as such instead of failing the page.

const GONE = { person: '（人员已删除）', org: '（组织已删除）', attachment: '（附件已删除）' };

export const fieldsOf = (row: Pick<RecordRow, 'fields'>): FieldValues => fromJson<FieldValues>(row.fields) ?? {};

/** Field definitions of a row's type; empty when the pack or type is no longer loaded. */
const defsOf = (packs: PackRegistry, row: Pick<RecordRow, 'pack_id' | 'type_id'>): readonly FieldDef[] => packs.recordType(row.pack_id, row.type_id)?.fields ?? [];

/** Every id the rows refer to, by kind, for one name lookup per page. */
export function referencedIds(packs: PackRegistry, rows: readonly RecordRow[]) {
  const ids = { people: [] as string[], orgs: rows.map((r) => r.org_id), users: [] as string[], attachments: [] as string[] };
  for (const row of rows) {
    if (row.created_by) ids.users.push(row.created_by);
    const values = fieldsOf(row);
    for (const def of defsOf(packs, row)) {
      const list = def.type === 'people' ? ids.people : def.type === 'org' ? ids.orgs : def.type === 'attachments' ? ids.attachments : null;
      if (list && values[def.id] !== undefined) list.push(...([values[def.id]].flat() as string[]));
    }
  }
  return ids;
}

function display(def: FieldDef | undefined, value: FieldValue, names: NameMaps): FieldDisplayValue {
  const each = <T>(fn: (id: string) => T): T | T[] => (Array.isArray(value) ? value.map(fn) : fn(value as string));
  switch (def?.type) {
    case 'people':
      return each((id) => ({ id, name: names.people.get(id) ?? GONE.person }));
    case 'org':
      return each((id) => ({ id, name: names.orgs.get(id) ?? GONE.org }));
    case 'attachments':
      return [value].flat().map((id) => names.attachments.get(id as string) ?? { id: id as string, name: GONE.attachment, size: 0, mime: '' });
    default:
      return value;
  }
}

export function presentRecord(packs: PackRegistry, row: RecordRow, names: NameMaps): RecordOut {
  const type = packs.recordType(row.pack_id, row.type_id);
  const defs = new Map((type?.fields ?? []).map((f) => [f.id, f]));
  const values = fieldsOf(row);
  // The type's field order (jsonb on PostgreSQL keeps its own), then anything the type no longer defines.
  const keys = [...new Set([...defs.keys(), ...Object.keys(values)])].filter((k) => values[k] !== undefined);
  const fields = Object.fromEntries(keys.map((key) => [key, display(defs.get(key), values[key]!, names)]));
  return {
    id: row.id,
    packId: row.pack_id,
    typeId: row.type_id,
    typeName: type?.name ?? row.type_id,
    orgId: row.org_id,
    orgName: names.orgs.get(row.org_id) ?? GONE.org,
    title: row.title,
    occurredOn: row.occurred_on,
    fields,
    createdBy: row.created_by ? (names.users.get(row.created_by) ?? null) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deleted: row.deleted_at !== null,
    deletedAt: row.deleted_at,
  };
}
