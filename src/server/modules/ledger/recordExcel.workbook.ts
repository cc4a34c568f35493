import ExcelJS from 'exceljs';
import { BOOLEAN_LABELS, fieldKey, MAX_RECORD_IMPORT_ROWS, recordGuide, recordSheet } from '../../../core/ledger/excelLayout.ts';
import type { RecordSheetRow } from '../../../core/ledger/importRecords.ts';
import { GUIDE_SHEET_NAME } from '../../../core/org/excelLayout.ts';
import type { ImportError } from '../../../core/org/importTypes.ts';
import type { RecordTypeDef } from '../../../core/pack/schema.ts';
import { unprocessable } from '../../platform/errors.ts';
import { addDataSheet, addDropdown, addGuideSheet, loadWorkbook, readSheet } from '../org/orgExcel.workbook.ts';

// The workbook of one record type: the template (with drop-downs for choices and yes/no) and the
// reading of a filled one. The layout is core/ledger/excelLayout.ts; the sheet helpers are the org
// workbook's.

/** Rows below the header that get the drop-downs. */
const TEMPLATE_ROWS = 1000;
const OPTIONS_SHEET = '选项';
/** Excel refuses an inline list longer than this; longer lists go to a hidden sheet. */
const INLINE_LIST_MAX = 250;

/** An Excel list formula for `labels`: inline when short and comma-free, else a range on the hidden sheet. */
function listFormula(workbook: ExcelJS.Workbook, labels: readonly string[]): string {
  const inline = labels.join(',');
  if (inline.length <= INLINE_LIST_MAX && !labels.some((l) => /[,"]/.test(l))) return `"${inline}"`;
  const sheet = workbook.getWorksheet(OPTIONS_SHEET) ?? workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  const column = sheet.columnCount + 1;
  labels.forEach((label, i) => (sheet.getCell(i + 1, column).value = label));
  const letter = sheet.getColumn(column).letter;
  return `'${OPTIONS_SHEET}'!$${letter}$1:$${letter}$${labels.length}`;
}

export async function buildRecordTemplate(type: RecordTypeDef): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lvzhi';
  const spec = recordSheet(type);
  const sheet = addDataSheet(workbook, spec, []);
  spec.columns.forEach((column, i) => {
    const def = type.fields.find((f) => fieldKey(f.id) === column.key);
    if (!def || (def.type !== 'choice' && def.type !== 'boolean')) return;
    const labels = def.type === 'boolean' ? [BOOLEAN_LABELS.yes, BOOLEAN_LABELS.no] : (def.options ?? []).map((o) => o.label);
    // A multiple choice holds several labels in one cell: the list helps but cannot be enforced.
    addDropdown(sheet, { column: i + 1, lastRow: TEMPLATE_ROWS + 1, formula: listFormula(workbook, labels), title: def.label, strict: !def.multiple });
  });
  addGuideSheet(workbook, recordGuide(type));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The filled rows of the type's sheet, and any problem with the workbook's shape. */
export async function readRecordWorkbook(buffer: Buffer, type: RecordTypeDef): Promise<{ rows: RecordSheetRow[]; errors: ImportError[] }> {
  const workbook = await loadWorkbook(buffer);
  const spec = recordSheet(type);
  const sheet = workbook.getWorksheet(spec.name) ?? workbook.worksheets.find((s) => s.name !== GUIDE_SHEET_NAME && s.name !== OPTIONS_SHEET);
  if (!sheet) throw unprocessable('NOT_TEMPLATE', `文件中没有“${spec.name}”工作表，请使用下载的模板`, 'file');
  const errors: ImportError[] = [];
  const rows = readSheet(sheet, { ...spec, name: sheet.name }, errors, MAX_RECORD_IMPORT_ROWS);
  return { rows, errors };
}
