import type { Readable } from 'node:stream';
import { planRecordImport } from '../../../core/ledger/importRecords.ts';
import type { ImportError } from '../../../core/org/importTypes.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Upload } from '../../platform/upload.ts';
import { auditedWrite, recordAudit } from '../audit/audit.repository.ts';
import { listOrgsInSubtree } from '../org/org.repository.ts';
import { assertXlsx } from '../org/xlsxGuard.ts';
import { packOf, recordTypeOf } from './record.access.ts';
import { countRecords, typesWithRecords } from './record.query.ts';
import { insertRecords } from './record.repository.ts';
import type { RecordFilterInput } from './record.schema.ts';
import { recordFilter } from './record.service.ts';
import { streamRecordWorkbook } from './recordExcel.export.ts';
import { peopleForImport } from './recordExcel.repository.ts';
import { buildRecordTemplate, readRecordWorkbook } from './recordExcel.workbook.ts';

// Excel per record type: the blank template, the all-or-nothing import, and the export of any
// filtered list.

export const templateFor = (ctx: AppContext, packId: string, typeId: string) => {
  const type = recordTypeOf(ctx, packId, typeId);
  return buildRecordTemplate(type).then((buffer) => ({ buffer, typeName: type.name }));
};

/** Error details are capped: a file with 10,000 bad rows answers with the first of them and the count. */
const MAX_REPORTED_ERRORS = 1000;

const importInvalid = (errors: readonly ImportError[]) =>
  unprocessable('IMPORT_INVALID', `导入失败：共${errors.length}处错误，未写入任何数据`, 'file', errors.slice(0, MAX_REPORTED_ERRORS));

/**
 * Imports a filled template: every row is checked first against the pack and the actor's scope
 * (orgs and people loaded once), and any error aborts the whole file; otherwise all records are
 * inserted in one transaction, in multi-row statements, with one audit entry.
 */
export async function importRecords(ctx: AppContext, actor: Actor, packId: string, typeId: string, file: Upload): Promise<{ created: number }> {
  const type = recordTypeOf(ctx, packId, typeId);
  assertXlsx(file.buffer);
  const { rows, errors } = await readRecordWorkbook(file.buffer, type);
  if (errors.length > 0) throw importInvalid(errors);
  return auditedWrite(ctx, actor, async (trx) => {
    const orgs = await listOrgsInSubtree(trx, actor.orgPath, { includeInactive: true });
    const snapshot = {
      homeOrgId: actor.orgId,
      orgs: orgs.map((o) => ({ id: o.id, name: o.name, code: o.code, kind: o.kind, path: o.path, active: o.deactivated_at === null })),
      people: await peopleForImport(trx, actor),
    };
    const planned = planRecordImport(type, rows, snapshot);
    if (planned.errors.length > 0) throw importInvalid(planned.errors);
    await insertRecords(trx, actor, planned.records.map((r) => ({
      id: newId(), packId, typeId: type.id, orgId: r.orgId, title: r.title, occurredOn: r.occurredOn, fields: r.values, searchText: r.searchText, attachments: [],
    })));
    const summary = { type: type.name, created: planned.records.length, file: file.filename };
    return { result: { created: planned.records.length }, audit: { action: 'record.import', targetType: 'record_type', targetId: `${packId}/${type.id}`, summary } };
  });
}

/** The filtered list as a workbook stream, one sheet per record type (all types when none is asked for). */
export async function exportRecords(ctx: AppContext, actor: Actor, query: RecordFilterInput): Promise<{ stream: Readable; name: string }> {
  const filter = await recordFilter(ctx, actor, query);
  const pack = packOf(ctx, query.packId);
  const present = query.typeId ? [query.typeId] : await typesWithRecords(ctx.db, filter);
  const types = pack.recordTypes.filter((t) => present.includes(t.id));
  const rows = await countRecords(ctx.db, ctx.dialect, filter);
  const { q, from, to, orgId, includeDeleted, typeId } = query;
  await recordAudit(ctx, actor, {
    action: 'record.export', targetType: 'record_type', targetId: `${pack.id}/${typeId ?? '*'}`,
    summary: { types: types.map((t) => t.name), rows, filter: { typeId, orgId, subtree: query.subtree, from, to, q, includeDeleted } },
  });
  const name = `台账-${types.length === 1 ? types[0]!.name : pack.name}-${new Date().toISOString().slice(0, 10)}.xlsx`;
  return { stream: streamRecordWorkbook(ctx, actor, types, filter), name };
}
