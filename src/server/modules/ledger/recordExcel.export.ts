import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { BOOLEAN_LABELS, fieldKey, MULTI_JOIN, type RecordColumn, recordSheet } from '../../../core/ledger/excelLayout.ts';
import type { FieldValue } from '../../../core/ledger/fields.ts';
import type { FieldDef, RecordTypeDef } from '../../../core/pack/schema.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { listOrgsInSubtree } from '../org/org.repository.ts';
import { fieldsOf, referencedIds } from './record.presenter.ts';
import { type RecordFilter, streamRecordRows } from './record.query.ts';
import { type NameMaps, resolveNames } from './record.repository.ts';
import type { RecordRow } from './record.table.ts';

// The Excel export of a filtered list: one sheet per record type, every matching row, written as a
// stream (rows are read 1,000 at a time and each is committed to the zip as it is written, so a long
// ledger never sits in memory as a whole). Values are shown as the form shows them: names for
// people and orgs, labels for choices, 是/否, file names for attachments. Without cell styles and
// with rows as arrays: exceljs then writes about twice as fast (10,000 rows in well under a second).

function cell(def: FieldDef, value: FieldValue | undefined, names: NameMaps): string | number | null {
  if (value === undefined) return null;
  const list = [value].flat() as string[];
  const join = (fn: (v: string) => string) => list.map(fn).join(MULTI_JOIN);
  switch (def.type) {
    case 'number':
      return value as number;
    case 'boolean':
      return value ? BOOLEAN_LABELS.yes : BOOLEAN_LABELS.no;
    case 'choice':
      return join((v) => def.options?.find((o) => o.value === v)?.label ?? v);
    case 'people':
      return join((id) => names.people.get(id) ?? '');
    case 'org':
      return join((id) => names.orgs.get(id) ?? '');
    case 'attachments':
      return join((id) => names.attachments.get(id)?.name ?? '');
    default:
      return String(value);
  }
}

function rowCells(type: RecordTypeDef, row: RecordRow, names: NameMaps, codes: Map<string, string | null>): Partial<Record<RecordColumn, string | number | null>> {
  const values = fieldsOf(row);
  const cells: Partial<Record<RecordColumn, string | number | null>> = {
    orgCode: codes.get(row.org_id) ?? null,
    orgName: names.orgs.get(row.org_id) ?? null,
    title: row.title,
    occurredOn: row.occurred_on,
    createdBy: row.created_by ? (names.users.get(row.created_by) ?? null) : null,
    createdAt: row.created_at.slice(0, 19).replace('T', ' '),
    deleted: row.deleted_at ? '已删除' : '',
  };
  for (const def of type.fields) cells[fieldKey(def.id)] = cell(def, values[def.id], names);
  return cells;
}

async function writeSheet(ctx: AppContext, writer: ExcelJS.stream.xlsx.WorkbookWriter, type: RecordTypeDef, filter: RecordFilter, codes: Map<string, string | null>) {
  const spec = recordSheet(type, { forExport: true, withDeleted: filter.includeDeleted });
  const sheet = writer.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
  for await (const rows of streamRecordRows(ctx.db, { ...filter, typeId: type.id })) {
    const names = await resolveNames(ctx.db, referencedIds(ctx.packs, rows));
    for (const row of rows) {
      const cells = rowCells(type, row, names, codes);
      sheet.addRow(spec.columns.map((c) => cells[c.key] ?? null)).commit();
    }
  }
  sheet.commit();
}

/**
 * Starts writing the workbook for `types` and returns its bytes as a stream. A failure half-way
 * destroys the stream: the download breaks instead of ending as a truncated file that looks whole.
 */
export function streamRecordWorkbook(ctx: AppContext, actor: Actor, types: readonly RecordTypeDef[], filter: RecordFilter): Readable {
  const out = new PassThrough();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const write = async () => {
    const orgs = await listOrgsInSubtree(ctx.db, actor.orgPath, { includeInactive: true });
    const codes = new Map(orgs.map((o) => [o.id, o.code]));
    for (const type of types) await writeSheet(ctx, writer, type, filter, codes);
    // A workbook needs a sheet: an empty export still opens, with the header of nothing.
    if (types.length === 0) writer.addWorksheet('台账').commit();
    await writer.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
