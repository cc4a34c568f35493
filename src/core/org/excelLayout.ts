import { ORG_KINDS, ORG_KIND_LABELS } from './kinds.ts';

// The layout of the org/people workbook, shared by the template, the export and the importer, so
// that what we write is exactly what we read back.

export interface ColumnSpec<K extends string> {
  key: K;
  /** Header text in row 1; import errors name the column by it. */
  header: string;
  width: number;
  /** Kept as text in Excel, so codes like "001" and numbers like "010-…" survive editing. */
  text?: boolean;
  /** Shown as a note on the header cell. */
  note: string;
}

export interface SheetSpec<K extends string> {
  name: string;
  columns: readonly ColumnSpec<K>[];
}

export type OrgColumn = 'parentRef' | 'name' | 'kind' | 'code' | 'sortOrder';
export type PersonColumn = 'name' | 'orgRef' | 'position' | 'phone' | 'email';

export const ORG_SHEET: SheetSpec<OrgColumn> = {
  name: '组织',
  columns: [
    { key: 'parentRef', header: '上级组织编码', width: 18, text: true, note: '上级组织的组织编码；可引用本表中前后任意一行，或系统中已有的组织。留空表示导入人所在组织。' },
    { key: 'name', header: '组织名称', width: 30, note: '必填，同一上级组织下不得重名。' },
    { key: 'kind', header: '组织类型', width: 14, note: `新建时必填，从下拉列表选择：${ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join('、')}。` },
    { key: 'code', header: '组织编码', width: 16, text: true, note: '选填，字母、数字或 . _ -，全系统唯一。已存在的编码表示修改该组织。' },
    { key: 'sortOrder', header: '排序', width: 8, note: '选填，整数，越小越靠前。' },
  ],
};

export const PERSON_SHEET: SheetSpec<PersonColumn> = {
  name: '人员',
  columns: [
    { key: 'name', header: '姓名', width: 14, note: '必填。同一组织中的同名人员视为同一人，将更新其信息。' },
    { key: 'orgRef', header: '所属组织编码', width: 18, text: true, note: '所属组织的组织编码，可引用“组织”表中的行。留空表示导入人所在组织。' },
    { key: 'position', header: '职务', width: 26, note: '选填。' },
    { key: 'phone', header: '手机', width: 16, text: true, note: '选填，手机号或固话。' },
    { key: 'email', header: '邮箱', width: 26, text: true, note: '选填。' },
  ],
};

export const GUIDE_SHEET_NAME = '说明';

/** Largest number of data rows read from one sheet; a bigger organization imports in parts. */
export const MAX_IMPORT_ROWS = 5000;

/** Lines of the 说明 sheet: how to fill the workbook, with an example. */
export const GUIDE_LINES: readonly string[] = [
  '组织与人员导入说明',
  '',
  '1. “组织”表每行一个组织，“人员”表每行一名人员；第1行为表头，请勿修改或删除。',
  '2. 导入为“全部成功或全部不写入”：任何一行有误，系统会列出所有错误的行、列和原因，且不写入任何数据。',
  '3. 组织按“组织编码”匹配：编码已存在则修改名称、类型和排序，否则新建。没有编码的组织按“上级组织+名称”匹配。',
  '4. 上级组织编码可引用本表中前后任意一行；上级组织没有编码时，导出文件中以系统编号代替，请勿修改。',
  '5. 导入不会移动组织，也不会停用组织；如需调整层级，请在“组织架构”页面操作。',
  '6. 人员按“所属组织+姓名”匹配：已存在则更新职务和联系方式，否则新建。单元格留空表示不修改。',
  '7. 个人信息仅限姓名、所属组织、职务和联系方式，请勿填写其他信息（《个人信息保护法》最小必要原则）。',
  '',
  `组织类型可选：${ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join('、')}`,
  '',
  '示例（“组织”表）：',
  '上级组织编码\t组织名称\t组织类型\t组织编码\t排序',
  '\t办公室\t处室/科室\tD01\t1',
  'D01\t办公室党支部\t党支部\tD01-B1\t1',
  '',
  '示例（“人员”表）：',
  '姓名\t所属组织编码\t职务\t手机\t邮箱',
  '张三\tD01\t办公室主任\t13900000000\tzhangsan@example.com',
];
