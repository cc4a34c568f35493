import { z } from 'zod';
import { ORG_CODE_MAX, ORG_CODE_MESSAGE, ORG_CODE_PATTERN, ORG_NAME_MAX, SORT_ORDER_MAX } from '../../../core/org/fields.ts';
import { ORG_KINDS } from '../../../core/org/kinds.ts';

export const IdParams = z.object({ id: z.string().min(1).max(100).describe('ID') });
export const Ok = z.object({ ok: z.literal(true) });

export const Org = z.object({
  id: z.string(),
  parentId: z.string().nullable().describe('上级组织ID，顶级组织为空'),
  path: z.string().describe('物化路径“/顶级ID/…/本ID/”'),
  name: z.string().describe('组织名称'),
  kind: z.string().describe('组织类型代码'),
  kindLabel: z.string().describe('组织类型名称'),
  code: z.string().nullable().describe('组织编码（Excel导入按此匹配）'),
  sortOrder: z.number().int().describe('同级排序，越小越靠前'),
  active: z.boolean().describe('是否启用'),
  deactivatedAt: z.string().nullable().describe('停用时间'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgDto = z.infer<typeof Org>;

export const OrgDetail = Org.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })).describe('管辖范围内从上到下的上级组织'),
  childCount: z.number().int().describe('直属下级组织数（含已停用）'),
  peopleCount: z.number().int().describe('本组织直属人员数'),
});

export const OrgListQuery = z.object({
  includeInactive: z.enum(['true', 'false']).default('false').describe('是否包含已停用的组织'),
});

const name = z.string().trim().min(1, '请输入组织名称').max(ORG_NAME_MAX, `组织名称不能超过${ORG_NAME_MAX}个字`).describe('组织名称');
const kind = z.enum(ORG_KINDS).describe('组织类型');
const code = z.string().trim().max(ORG_CODE_MAX, ORG_CODE_MESSAGE).regex(ORG_CODE_PATTERN, ORG_CODE_MESSAGE).describe('组织编码（选填，全系统唯一）');
const sortOrder = z.number().int('排序须为整数').min(0).max(SORT_ORDER_MAX).describe('同级排序，越小越靠前');
const orgId = (what: string) => z.string().min(1, `请选择${what}`).max(100).describe(`${what}ID`);

export const CreateOrgBody = z.object({
  parentId: orgId('上级组织'),
  name,
  kind,
  // An empty code means "none": the form sends what the user left blank.
  code: z.union([z.literal(''), code]).nullable().optional(),
  sortOrder: sortOrder.optional().describe('同级排序；不填则排在最后'),
});

export const UpdateOrgBody = z
  .object({
    name: name.optional(),
    kind: kind.optional(),
    code: z.union([z.literal(''), code]).nullable().optional().describe('组织编码；空或null表示清除'),
    sortOrder: sortOrder.optional(),
  })
  .strict();

export const MoveOrgBody = z.object({ parentId: orgId('新的上级组织') });
