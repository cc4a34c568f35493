import type { Kysely, Transaction } from 'kysely';
import type { FieldRefs, FieldValues } from '../../../core/ledger/fields.ts';
import { type Database, toJson } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/scope.ts';
import type { RecordTable } from './record.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// Record writes, and the lookups that check and display what records refer to. Lookups take many
// ids at once: one query per kind and page, never one per record.

/** Bound parameters per statement stay far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function idsInChunks<R>(ids: readonly string[], query: (chunk: string[]) => Promise<R[]>): Promise<R[]> {
  const unique = [...new Set(ids)];
  const parts = await Promise.all(chunks(unique).map(query));
  return parts.flat();
}

export interface NewRecord {
  id: string;
  packId: string;
  typeId: string;
  orgId: string;
  title: string;
  occurredOn: string;
  fields: FieldValues;
  searchText: string;
  /** Attachments by field, in the order given. */
  attachments: FieldRefs['attachments'];
}

/** Inserts records (and their attachment links) in multi-row statements. */
export async function insertRecords(trx: Transaction<Database>, actor: Actor, records: readonly NewRecord[]): Promise<void> {
  const at = nowIso();
  const by = actor.userId || null;
  // 14 values per row: 500 rows stay well within the bound-parameter limits.
  for (const part of chunks(records, 500)) {
    const rows: RecordTable[] = part.map((r) => ({
      id: r.id, pack_id: r.packId, type_id: r.typeId, org_id: r.orgId, title: r.title, occurred_on: r.occurredOn,
      fields: toJson(r.fields), search_text: r.searchText, created_by: by, created_at: at, updated_by: by, updated_at: at,
      deleted_at: null, deleted_by: null,
    }));
    await trx.insertInto('record').values(rows).execute();
  }
  await insertLinks(trx, records.flatMap((r) => linksOf(r.id, r.attachments)));
}

const linksOf = (recordId: string, refs: FieldRefs['attachments']) =>
  refs.flatMap((ref) => ref.ids.map((attachmentId, i) => ({ record_id: recordId, attachment_id: attachmentId, field_id: ref.fieldId, sort_order: i })));

async function insertLinks(trx: Transaction<Database>, links: ReturnType<typeof linksOf>): Promise<void> {
  for (const part of chunks(links)) await trx.insertInto('record_attachment').values(part).execute();
}

/** What an edit may change: everything but the identity and the record type. */
export type RecordChange = Omit<NewRecord, 'id' | 'packId' | 'typeId'>;

/** Rewrites a record's editable columns and its attachment links. */
export async function updateRecord(trx: Transaction<Database>, actor: Actor, id: string, change: RecordChange): Promise<void> {
  await trx
    .updateTable('record')
    .set({
      org_id: change.orgId, title: change.title, occurred_on: change.occurredOn, fields: toJson(change.fields), search_text: change.searchText,
      updated_by: actor.userId || null, updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('record_attachment').where('record_id', '=', id).execute();
  await insertLinks(trx, linksOf(id, change.attachments));
}

/** Deletion keeps the row as a tombstone; restoring clears it. */
export async function setRecordDeleted(trx: Transaction<Database>, actor: Actor, id: string, deleted: boolean): Promise<void> {
  const at = nowIso();
  await trx
    .updateTable('record')
    .set(deleted ? { deleted_at: at, deleted_by: actor.userId || null, updated_at: at } : { deleted_at: null, deleted_by: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

// --- what records refer to ---------------------------------------------------------------------

/** Of `ids`, the people whose org lies in the actor's scope. */
export async function peopleInScope(db: Executor, actor: Pick<Actor, 'orgPath'>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await idsInChunks(ids, (chunk) =>
    db.selectFrom('person').innerJoin('org', 'org.id', 'person.org_id').select('person.id').where('person.id', 'in', chunk).where(inScope('org.path', actor)).execute());
  return new Set(rows.map((r) => r.id));
}

/** Of `ids`, the orgs in the actor's scope. */
export async function orgsInScope(db: Executor, actor: Pick<Actor, 'orgPath'>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await idsInChunks(ids, (chunk) => db.selectFrom('org').select('id').where('id', 'in', chunk).where(inScope('org.path', actor)).execute());
  return new Set(rows.map((r) => r.id));
}

/** Of `ids`, the attachments uploaded for an org in the actor's scope. */
export async function attachmentsInScope(db: Executor, actor: Pick<Actor, 'orgPath'>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await idsInChunks(ids, (chunk) =>
    db.selectFrom('attachment').innerJoin('org', 'org.id', 'attachment.org_id').select('attachment.id')
      .where('attachment.id', 'in', chunk).where(inScope('org.path', actor)).execute());
  return new Set(rows.map((r) => r.id));
}

export interface NameMaps {
  people: Map<string, string>;
  orgs: Map<string, string>;
  users: Map<string, string>;
  attachments: Map<string, { id: string; name: string; size: number; mime: string }>;
}

/** Display names for everything a page of records refers to: one query per kind. */
export async function resolveNames(db: Executor, ids: { people: string[]; orgs: string[]; users: string[]; attachments: string[] }): Promise<NameMaps> {
  const [people, orgs, users, attachments] = await Promise.all([
    idsInChunks(ids.people, (chunk) => db.selectFrom('person').select(['id', 'name']).where('id', 'in', chunk).execute()),
    idsInChunks(ids.orgs, (chunk) => db.selectFrom('org').select(['id', 'name']).where('id', 'in', chunk).execute()),
    idsInChunks(ids.users, (chunk) => db.selectFrom('app_user').select(['id', 'display_name as name']).where('id', 'in', chunk).execute()),
    idsInChunks(ids.attachments, (chunk) =>
      db.selectFrom('attachment').select(['id', 'original_name as name', 'size', 'mime']).where('id', 'in', chunk).execute()),
  ]);
  return {
    people: new Map(people.map((p) => [p.id, p.name])),
    orgs: new Map(orgs.map((o) => [o.id, o.name])),
    users: new Map(users.map((u) => [u.id, u.name])),
    attachments: new Map(attachments.map((a) => [a.id, { ...a, size: Number(a.size) }])),
  };
}
