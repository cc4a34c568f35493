import { z } from 'zod';
import { EMAIL_MAX, EMAIL_MESSAGE, emailError, PHONE_MAX, PHONE_MESSAGE, phoneError } from '../../../core/org/contact.ts';
import { PERSON_NAME_MAX, POSITION_MAX } from '../../../core/org/fields.ts';
import { listQuery } from '../../platform/listQuery.ts';

export const Person = z.object({
  id: z.string(),
  orgId: z.string().describe('所属组织ID'),
  orgName: z.string().describe('所属组织名称'),
  name: z.string().describe('姓名'),
  position: z.string().nullable().describe('职务'),
  phone: z.string().nullable().describe('电话（脱敏，如139****5678）'),
  email: z.string().nullable().describe('邮箱（脱敏，如z***@example.com）'),
  hasAccount: z.boolean().describe('是否已关联登录账号'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonDto = z.infer<typeof Person>;

export const PersonContact = z.object({
  phone: z.string().nullable().describe('电话（完整）'),
  email: z.string().nullable().describe('邮箱（完整）'),
});

export const PersonListQuery = listQuery(['name', 'position', 'org', 'createdAt'], 'name').extend({
  orgId: z.string().min(1).max(100).optional().describe('只看该组织的人员；不填为全部管辖范围'),
  subtree: z.enum(['true', 'false']).default('true').describe('是否包含下级组织的人员'),
});
export type PersonListQueryInput = z.infer<typeof PersonListQuery>;

const name = z.string().trim().min(1, '请输入姓名').max(PERSON_NAME_MAX, `姓名不能超过${PERSON_NAME_MAX}个字`).describe('姓名');
const position = z.string().trim().max(POSITION_MAX, `职务不能超过${POSITION_MAX}个字`).nullable().describe('职务');
// Empty strings are accepted and mean "none": forms send the fields the user left blank.
const phone = z.string().trim().max(PHONE_MAX, PHONE_MESSAGE).refine((v) => v === '' || phoneError(v) === null, PHONE_MESSAGE)
  .nullable().describe('电话：手机号或固话（选填）');
const email = z.string().trim().max(EMAIL_MAX, EMAIL_MESSAGE).refine((v) => v === '' || emailError(v) === null, EMAIL_MESSAGE)
  .nullable().describe('邮箱（选填）');
const orgId = z.string().min(1, '请选择所属组织').max(100).describe('所属组织ID');

export const CreatePersonBody = z.object({ orgId, name, position: position.optional(), phone: phone.optional(), email: email.optional() });

export const UpdatePersonBody = z
  .object({
    orgId: orgId.optional(),
    name: name.optional(),
    position: position.optional(),
    phone: phone.optional().describe('电话；null或空字符串表示清除'),
    email: email.optional().describe('邮箱；null或空字符串表示清除'),
  })
  .strict();

const PersonExportOrgLink = z.object({ orgId: z.string(), orgName: z.string(), year: z.number().int(), createdAt: z.string() });

/** Everything stored about one person, for a data-subject request (个人信息保护法 第四十五条). */
export const PersonExport = z.object({
  exportedAt: z.string(),
  notice: z.string(),
  person: z.object({
    id: z.string(), name: z.string(), position: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
    orgId: z.string(), orgName: z.string(), createdAt: z.string(), updatedAt: z.string(),
  }),
  dutyAssignments: z.array(PersonExportOrgLink.extend({ role: z.string(), roleLabel: z.string() })),
  leadingGroupMemberships: z.array(PersonExportOrgLink.extend({ groupRole: z.string(), groupRoleLabel: z.string() })),
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), createdAt: z.string(), lastLoginAt: z.string().nullable(), disabled: z.boolean() })),
});
export type PersonExportDto = z.infer<typeof PersonExport>;
