import ExcelJS from 'exceljs';
import {
  type ColumnSpec, GUIDE_LINES, GUIDE_SHEET_NAME, MAX_IMPORT_ROWS, ORG_SHEET, type OrgColumn, PERSON_SHEET, type PersonColumn, type SheetSpec,
} from '../../../core/org/excelLayout.ts';
import type { ImportError, OrgSheetRow, PersonSheetRow, SheetRow } from '../../../core/org/importTypes.ts';
import { ORG_KINDS, ORG_KIND_LABELS } from '../../../core/org/kinds.ts';
import { unprocessable } from '../../platform/errors.ts';

// The org/people workbook as exceljs sees it: written for the template and the export, read back
// for the import. The layout itself (sheets, headers, notes) is in core/org/excelLayout.ts.

export type CellInput = string | number | null;

export interface WorkbookContent {
  orgs: Record<OrgColumn, CellInput>[];
  people: Record<PersonColumn, CellInput>[];
}

/** Rows below the data that still get the kind dropdown, so users can add rows to an export. */
const SPARE_ROWS = 500;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };

/** A sheet with the spec's styled header row (bold, filled, a note per column) and `rows` below it. */
export function addDataSheet<K extends string>(workbook: ExcelJS.Workbook, spec: SheetSpec<K>, rows: Record<K, CellInput>[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c: ColumnSpec<K>) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  const header = sheet.getRow(1);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
    cell.note = c.note;
  });
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

/**
 * A drop-down on rows 2…lastRow of a column. `formula` is a quoted list ("a,b") or a range; with
 * `strict` other input is refused, otherwise the list only helps.
 */
export function addDropdown(sheet: ExcelJS.Worksheet, opts: { column: number; lastRow: number; formula: string; title: string; strict: boolean }): void {
  for (let row = 2; row <= opts.lastRow; row++) {
    // exceljs merges these per-cell rules into one range when it writes the file.
    sheet.getCell(row, opts.column).dataValidation = {
      type: 'list', allowBlank: true, formulae: [opts.formula], showErrorMessage: opts.strict, errorTitle: opts.title, error: `请从下拉列表中选择${opts.title}`,
    };
  }
}

/** A drop-down of the Chinese kind labels on the 组织类型 column. */
function addKindDropdown(sheet: ExcelJS.Worksheet, lastRow: number): void {
  const column = ORG_SHEET.columns.findIndex((c) => c.key === 'kind') + 1;
  addDropdown(sheet, { column, lastRow, formula: `"${ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join(',')}"`, title: '组织类型', strict: true });
}

/** The 说明 sheet: one line per row, tab-separated lines spread over columns. */
export function addGuideSheet(workbook: ExcelJS.Workbook, lines: readonly string[] = GUIDE_LINES): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET_NAME);
  sheet.columns = [{ width: 16 }, { width: 20 }, { width: 14 }, { width: 14 }, { width: 22 }];
  for (const line of lines) sheet.addRow(line.split('\t'));
  sheet.getRow(1).font = { bold: true, size: 14 };
}

/** The workbook: 组织, 人员 and 说明 sheets; empty rows make the template. */
export async function buildOrgWorkbook(content: WorkbookContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lvzhi';
  const orgSheet = addDataSheet(workbook, ORG_SHEET, content.orgs);
  addKindDropdown(orgSheet, content.orgs.length + 1 + SPARE_ROWS);
  addDataSheet(workbook, PERSON_SHEET, content.people);
  addGuideSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as the text the user sees: numbers as typed, links by their text, formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null);
  return '';
}

/** The non-blank data rows of a sheet as trimmed text, after checking its header row against the spec. */
export function readSheet<K extends string>(
  sheet: ExcelJS.Worksheet | undefined,
  spec: SheetSpec<K>,
  errors: ImportError[],
  maxRows = MAX_IMPORT_ROWS,
): SheetRow<K>[] {
  if (!sheet) return [];
  const header = sheet.getRow(1);
  spec.columns.forEach((c, i) => {
    if (cellText(header.getCell(i + 1).value) !== c.header) {
      errors.push({ sheet: spec.name, row: 1, column: c.header, message: `第${i + 1}列的表头应为“${c.header}”，请使用下载的模板` });
    }
  });
  const rows: SheetRow<K>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = spec.columns.map((c, i) => [c.key, cellText(row.getCell(i + 1).value)] as const);
    if (cells.every(([, text]) => text === '')) return;
    rows.push({ row: rowNumber, ...Object.fromEntries(cells) } as SheetRow<K>);
  });
  if (rows.length > maxRows) {
    errors.push({ sheet: spec.name, row: rows[maxRows]!.row, column: spec.columns[0]!.header, message: `每个工作表最多导入${maxRows}行，请分批导入` });
  }
  return rows;
}

/** Parses an uploaded workbook (already through assertXlsx); 422 when exceljs cannot read it. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of the upload is one.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw unprocessable('NOT_XLSX', '无法读取该文件，请上传由模板填写的 .xlsx 文件', 'file');
  }
  return workbook;
}

/** The data rows of both sheets, and any problem with the workbook's shape. */
export async function readOrgWorkbook(buffer: Buffer): Promise<{ orgRows: OrgSheetRow[]; personRows: PersonSheetRow[]; errors: ImportError[] }> {
  const workbook = await loadWorkbook(buffer);
  const orgSheet = workbook.getWorksheet(ORG_SHEET.name);
  const personSheet = workbook.getWorksheet(PERSON_SHEET.name);
  if (!orgSheet && !personSheet) {
    throw unprocessable('NOT_TEMPLATE', `文件中没有“${ORG_SHEET.name}”或“${PERSON_SHEET.name}”工作表，请使用下载的模板`, 'file');
  }
  const errors: ImportError[] = [];
  const orgRows = readSheet(orgSheet, ORG_SHEET, errors);
  const personRows = readSheet(personSheet, PERSON_SHEET, errors);
  return { orgRows, personRows, errors };
}
