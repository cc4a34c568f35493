import type { ColumnSpec, SheetSpec } from '../org/excelLayout.ts';
import type { FieldDef, RecordTypeDef } from '../pack/schema.ts';

// The workbook of one record type, shared by the template, the importer and the export: the
// built-in columns (org, title, date), then one column per field headed by its label. Attachment
// fields cannot travel in a spreadsheet: the template leaves them out and says so; the export lists
// the file names.

/** Column keys: the built-ins, then `field:<id>`, then the export's extra columns. */
export type RecordColumn = 'orgCode' | 'orgName' | 'title' | 'occurredOn' | `field:${string}` | 'createdBy' | 'createdAt' | 'deleted';

/** Rows read from one sheet at most: enough for a year of a large unit's records. */
export const MAX_RECORD_IMPORT_ROWS = 20_000;
/** Separators between the values of a multiple-choice or people cell. */
export const MULTI_SEPARATOR = /[、,，;；\n]+/;
export const MULTI_JOIN = '、';
export const BOOLEAN_LABELS = { yes: '是', no: '否' } as const;

export const fieldKey = (id: string): RecordColumn => `field:${id}`;
export const isImportable = (f: FieldDef) => f.type !== 'attachments';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetNameOf = (type: RecordTypeDef): string => type.name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

function fieldNote(f: FieldDef): string {
  const parts = [f.required ? '必填。' : '选填。'];
  const many = f.multiple ? `多个时用“${MULTI_JOIN}”分隔。` : '';
  switch (f.type) {
    case 'choice':
      parts.push(`从下拉列表选择：${(f.options ?? []).map((o) => o.label).join('、')}。${many}`);
      break;
    case 'people':
      parts.push(`填写姓名（须为该记录所属组织或其下级组织的人员）。${many}`);
      break;
    case 'org':
      parts.push(`填写组织编码或组织名称。${many}`);
      break;
    case 'date':
      parts.push('日期，如 2026-03-15。');
      break;
    case 'number':
      parts.push(`数字${f.min !== undefined ? `，不小于${f.min}` : ''}${f.max !== undefined ? `，不大于${f.max}` : ''}${f.unit ? `（单位：${f.unit}）` : ''}。`);
      break;
    case 'boolean':
      parts.push('填写“是”或“否”。');
      break;
    case 'url':
      parts.push('以 http:// 或 https:// 开头的网址。');
      break;
    default:
      if (f.maxLength) parts.push(`不超过${f.maxLength}个字。`);
  }
  if (f.help) parts.push(f.help);
  return parts.join('');
}

const WIDTH: Partial<Record<FieldDef['type'], number>> = { longtext: 40, text: 24, date: 12, number: 10, boolean: 10, url: 30 };

/** The columns of a record type's sheet; `forExport` adds attachments and who/when/whether deleted. */
export function recordSheet(type: RecordTypeDef, opts: { forExport?: boolean; withDeleted?: boolean } = {}): SheetSpec<RecordColumn> {
  const titleLabel = type.titleLabel ?? '标题';
  const dateLabel = type.dateLabel ?? '日期';
  const columns: ColumnSpec<RecordColumn>[] = [
    { key: 'orgCode', header: '组织编码', width: 14, text: true, note: '记录所属组织的组织编码；与组织名称填一个即可，都不填表示导入人所在组织。' },
    { key: 'orgName', header: '组织名称', width: 24, note: '组织名称；有重名组织时请填组织编码。' },
    { key: 'title', header: titleLabel, width: 32, note: `必填，不超过200个字。` },
    { key: 'occurredOn', header: dateLabel, width: 12, text: true, note: '必填，如 2026-03-15。' },
  ];
  for (const f of type.fields) {
    if (!isImportable(f) && !opts.forExport) continue;
    // A field labelled like a built-in column gets its id, so that every header is unique.
    const clash = columns.some((c) => c.header === f.label);
    columns.push({
      key: fieldKey(f.id), header: clash ? `${f.label}（${f.id}）` : f.label, width: WIDTH[f.type] ?? 16,
      text: f.type === 'date' || f.type === 'text', note: isImportable(f) ? fieldNote(f) : '附件不能通过Excel导入，请在系统中上传。',
    });
  }
  if (opts.forExport) {
    columns.push({ key: 'createdBy', header: '录入人', width: 12, note: '' }, { key: 'createdAt', header: '录入时间', width: 20, note: '' });
    if (opts.withDeleted) columns.push({ key: 'deleted', header: '状态', width: 8, note: '' });
  }
  return { name: sheetNameOf(type), columns };
}

/** Lines of the template's 说明 sheet. */
export function recordGuide(type: RecordTypeDef): string[] {
  const attachments = type.fields.filter((f) => !isImportable(f)).map((f) => f.label);
  return [
    `${type.name} 导入说明`,
    '',
    `1. “${sheetNameOf(type)}”表每行一条记录；第1行为表头，请勿修改或删除。`,
    '2. 导入为“全部成功或全部不写入”：任何一行有误，系统会列出所有错误的行、列和原因，且不写入任何数据。',
    '3. 每次导入都新增记录；重复导入同一文件会产生重复记录。',
    '4. 所属组织：填写组织编码或组织名称，须在导入人的管辖范围内；都不填表示导入人所在组织。',
    `5. 人员填写姓名，须为记录所属组织（含下级组织）的人员；多个值用“${MULTI_JOIN}”分隔。`,
    '6. 选项从下拉列表选择；日期可填 2026-03-15 或 Excel 日期；“是/否”字段填“是”或“否”。',
    attachments.length > 0
      ? `7. 附件（${attachments.join('、')}）不能通过Excel导入，请导入后在系统中逐条上传。`
      : '7. 本类型没有附件字段。',
    `8. 每次最多导入${MAX_RECORD_IMPORT_ROWS}行。`,
    '',
    ...(type.description ? [`说明：${type.description}`] : []),
  ];
}
