import { z } from 'zod';
import { isIsoDate } from '../../../core/ledger/dates.ts';
import { PackId } from '../../../core/pack/schema.ts';
import { listOf, listQuery } from '../../platform/listQuery.ts';

/** Records keep one short title; the details live in the pack-defined fields. */
export const TITLE_MAX = 200;
export const DEFAULT_PACK_ID = 'ideology';

export const isoDate = (what: string) =>
  z.string().trim().refine(isIsoDate, `${what}须为有效日期（YYYY-MM-DD）`).describe(`${what}（YYYY-MM-DD）`);
const id = (what: string) => z.string().min(1, `请选择${what}`).max(100).describe(`${what}ID`);
const packId = PackId.default(DEFAULT_PACK_ID).describe('制度包ID，默认 ideology');
const typeId = PackId.describe('台账类型ID（制度包中的记录类型）');

const NamedRef = z.object({ id: z.string(), name: z.string().describe('显示名称') });
export const AttachmentRef = z.object({
  id: z.string(),
  name: z.string().describe('原文件名'),
  size: z.number().int().describe('字节数'),
  mime: z.string().describe('文件类型'),
});
// Attachment entries first: a union keeps the first schema that parses, and an attachment also
// satisfies the shorter {id, name} shape, which would strip its size and type.
const FieldDisplay = z
  .union([z.array(AttachmentRef), AttachmentRef, z.array(NamedRef), NamedRef, z.string(), z.number(), z.boolean(), z.array(z.string())])
  .describe('字段值：人员、组织为 {id,name}（多选为数组），附件为 [{id,name,size,mime}]，选项为选项值');

export const RecordDto = z.object({
  id: z.string(),
  packId: z.string().describe('制度包ID'),
  typeId: z.string().describe('台账类型ID'),
  typeName: z.string().describe('台账类型名称'),
  orgId: z.string().describe('所属组织ID'),
  orgName: z.string().describe('所属组织名称'),
  title: z.string().describe('标题'),
  occurredOn: z.string().describe('日期（YYYY-MM-DD）'),
  fields: z.record(z.string(), FieldDisplay).describe('各字段的值，按字段ID'),
  createdBy: z.string().nullable().describe('录入人（显示名）'),
  createdAt: z.string(),
  updatedAt: z.string(),
  deleted: z.boolean().describe('是否已删除（保留删除记录）'),
  deletedAt: z.string().nullable().describe('删除时间'),
});
export type RecordOut = z.infer<typeof RecordDto>;

/** The list: `total` is counted up to 10000; past it `totalCapped` is true and `total` is 10000. */
export const RecordList = listOf(RecordDto).extend({
  totalCapped: z.boolean().optional().describe('为 true 时记录超过 total 条（计数到 10000 为止），total 为计数上限'),
});
export type FieldDisplayValue = z.infer<typeof FieldDisplay>;

/** The list's filters, shared by the list and the Excel export. */
const filters = {
  packId,
  typeId: typeId.optional().describe('只看该类型；不填为全部类型'),
  orgId: z.string().min(1).max(100).optional().describe('只看该组织的记录；不填为全部管辖范围'),
  subtree: z.enum(['true', 'false']).default('true').describe('是否包含下级组织的记录'),
  from: isoDate('起始日期').optional(),
  to: isoDate('截止日期').optional(),
  includeDeleted: z.enum(['true', 'false']).default('false').describe('是否包含已删除的记录'),
};

const SORTABLE = ['occurredOn', 'title', 'org', 'createdAt', 'updatedAt'] as const;
export type RecordSort = (typeof SORTABLE)[number];

export const RecordListQuery = listQuery(SORTABLE, 'occurredOn').extend({
  ...filters,
  order: z.enum(['asc', 'desc']).default('desc').describe('排序方向，默认最新在前'),
  q: z.string().trim().max(100).optional().describe('搜索标题和文本字段'),
});
export type RecordListQueryInput = z.infer<typeof RecordListQuery>;

export const RecordExportQuery = RecordListQuery.omit({ page: true, pageSize: true });
export type RecordFilterInput = z.infer<typeof RecordExportQuery>;

const title = z.string().trim().min(1, '请填写标题').max(TITLE_MAX, `标题不能超过${TITLE_MAX}个字`).describe('标题');
const fields = z.record(z.string().max(100), z.unknown()).describe('按记录类型定义的字段，键为字段ID');

export const CreateRecordBody = z.object({
  packId,
  typeId,
  orgId: id('所属组织'),
  title,
  occurredOn: isoDate('日期'),
  fields: fields.default({}),
});
export type CreateRecordInput = z.infer<typeof CreateRecordBody>;

export const UpdateRecordBody = z
  .object({
    title: title.optional(),
    occurredOn: isoDate('日期').optional(),
    orgId: id('所属组织').optional(),
    fields: fields.optional().describe('整体替换全部字段并重新校验'),
  })
  .strict();
export type UpdateRecordInput = z.infer<typeof UpdateRecordBody>;

export const RecordTypeQuery = z.object({ packId, typeId });
