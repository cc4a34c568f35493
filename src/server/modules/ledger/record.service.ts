import { searchTextOf } from '../../../core/ledger/fields.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { pageOf } from '../../platform/listQuery.ts';
import { newId } from '../../platform/ids.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { orgInScope } from '../org/org.access.ts';
import { checkedFields, packOf, recordInScope, recordTypeOf, writableOrg } from './record.access.ts';
import { fieldsOf, presentRecord, referencedIds } from './record.presenter.ts';
import { countRecordsCapped, listRecordRows, type OrgFilter, type RecordFilter } from './record.query.ts';
import { insertRecords, resolveNames, setRecordDeleted, updateRecord } from './record.repository.ts';
import { orgFilterFor } from './recordScope.ts';
import type { CreateRecordInput, RecordFilterInput, RecordListQueryInput, RecordOut, UpdateRecordInput } from './record.schema.ts';
import type { RecordRow } from './record.table.ts';

// Ledger records: scoped reads, and writes that validate against the pack, check the scope of
// everything they refer to, and append their audit entry in the same transaction. Audit summaries
// name the fields that changed, never their values (fields may hold names and contact details).

/** The list's filters as a query filter, after checking that the asked-for org and type exist in scope. */
export async function recordFilter(ctx: AppContext, actor: Actor, query: RecordFilterInput): Promise<RecordFilter> {
  if (query.typeId) recordTypeOf(ctx, query.packId, query.typeId);
  else packOf(ctx, query.packId);
  const org = query.orgId ? await orgInScope(ctx, actor, query.orgId, { field: 'orgId' }) : null;
  const orgs: OrgFilter = await orgFilterFor(ctx.db, org ?? { id: actor.orgId, path: actor.orgPath }, query.subtree === 'true');
  return {
    packId: query.packId,
    typeId: query.typeId,
    orgs,
    from: query.from,
    to: query.to,
    q: query.q ? query.q.toLowerCase() : undefined,
    includeDeleted: query.includeDeleted === 'true',
  };
}

/** Rows with every name they show, resolved in one query per kind. */
export async function presentRows(ctx: AppContext, rows: readonly RecordRow[]): Promise<RecordOut[]> {
  const names = await resolveNames(ctx.db, referencedIds(ctx.packs, rows));
  return rows.map((row) => presentRecord(ctx.packs, row, names));
}

/**
 * One page of the list and its total. The total is counted up to LIST_COUNT_CAP: past it the answer
 * says `totalCapped` (and the page still comes, however far it lies).
 */
export async function listRecords(ctx: AppContext, actor: Actor, query: RecordListQueryInput): Promise<{ items: RecordOut[]; total: number; totalCapped?: boolean }> {
  const filter = await recordFilter(ctx, actor, query);
  const { limit, offset } = pageOf(query);
  const { total, capped } = await countRecordsCapped(ctx.db, ctx.dialect, filter);
  // Past the last match there is nothing to fetch.
  const rows = capped || offset < total ? await listRecordRows(ctx.db, ctx.dialect, filter, { sort: query.sort, order: query.order, limit, offset }, total) : [];
  return { items: await presentRows(ctx, rows), total, ...(capped ? { totalCapped: true } : {}) };
}

export async function getRecord(ctx: AppContext, actor: Actor, id: string): Promise<RecordOut> {
  const [item] = await presentRows(ctx, [await recordInScope(ctx, actor, id)]);
  return item!;
}

export async function createRecord(ctx: AppContext, actor: Actor, input: CreateRecordInput): Promise<RecordOut> {
  const type = recordTypeOf(ctx, input.packId, input.typeId);
  const org = await writableOrg(ctx, actor, input.orgId, type);
  const checked = await checkedFields(ctx, actor, type, input.fields);
  const id = newId();
  await auditedWrite(ctx, actor, async (trx) => {
    await insertRecords(trx, actor, [{
      id, packId: input.packId, typeId: type.id, orgId: org.id, title: input.title, occurredOn: input.occurredOn,
      fields: checked.values, searchText: searchTextOf(type, input.title, checked.values), attachments: checked.refs.attachments,
    }]);
    const summary = { title: input.title, type: type.name, org: org.name, occurredOn: input.occurredOn, fields: Object.keys(checked.values) };
    return { result: null, audit: { action: 'record.create', targetType: 'record', targetId: id, orgId: org.id, summary } };
  });
  return getRecord(ctx, actor, id);
}

/** The keys (in the order given) whose values differ between `before` and `after`. */
const changedKeys = (keys: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>): string[] =>
  keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));

export async function editRecord(ctx: AppContext, actor: Actor, id: string, input: UpdateRecordInput): Promise<RecordOut> {
  const record = await recordInScope(ctx, actor, id, { write: true });
  if (record.deleted_at) throw conflict('RECORD_DELETED', '该记录已删除，请先恢复后再修改');
  const type = recordTypeOf(ctx, record.pack_id, record.type_id);
  const org = input.orgId !== undefined && input.orgId !== record.org_id ? await writableOrg(ctx, actor, input.orgId, type) : null;
  const before = fieldsOf(record);
  const checked = await checkedFields(ctx, actor, type, input.fields ?? before);
  const next = { orgId: org?.id ?? record.org_id, title: input.title ?? record.title, occurredOn: input.occurredOn ?? record.occurred_on };
  // Field order is the type's (PostgreSQL's jsonb does not keep the order keys were written in).
  const changed = [
    ...changedKeys(['orgId', 'title', 'occurredOn'], { orgId: record.org_id, title: record.title, occurredOn: record.occurred_on }, next),
    ...changedKeys(type.fields.map((f) => f.id), before, checked.values).map((k) => `fields.${k}`),
  ];
  if (changed.length === 0) return getRecord(ctx, actor, id);
  await auditedWrite(ctx, actor, async (trx) => {
    await updateRecord(trx, actor, id, {
      ...next, fields: checked.values, searchText: searchTextOf(type, next.title, checked.values), attachments: checked.refs.attachments,
    });
    const summary = { title: next.title, type: type.name, org: org?.name ?? record.org_name, changed };
    return { result: null, audit: { action: 'record.update', targetType: 'record', targetId: id, orgId: next.orgId, summary } };
  });
  return getRecord(ctx, actor, id);
}

/** Deletes (tombstones) or restores a record; doing it twice changes nothing and writes no entry. */
export async function setDeleted(ctx: AppContext, actor: Actor, id: string, deleted: boolean): Promise<RecordOut> {
  const record = await recordInScope(ctx, actor, id, { write: true });
  if ((record.deleted_at !== null) !== deleted) {
    await auditedWrite(ctx, actor, async (trx) => {
      await setRecordDeleted(trx, actor, id, deleted);
      const summary = { title: record.title, type: ctx.packs.recordType(record.pack_id, record.type_id)?.name ?? record.type_id, org: record.org_name };
      return { result: null, audit: { action: deleted ? 'record.delete' : 'record.restore', targetType: 'record', targetId: id, orgId: record.org_id, summary } };
    });
  }
  return getRecord(ctx, actor, id);
}
