import { z } from 'zod';
import { YEAR_MAX, YEAR_MIN } from '../../../core/org/fields.ts';
import { DUTY_ROLES, GROUP_ROLES } from '../../../core/org/kinds.ts';

const year = z.number().int('年度须为整数').min(YEAR_MIN, `年度须在${YEAR_MIN}-${YEAR_MAX}之间`).max(YEAR_MAX, `年度须在${YEAR_MIN}-${YEAR_MAX}之间`);
const personId = z.string().min(1, '请选择人员').max(100).describe('人员ID');

export const YearQuery = z.object({
  year: z.coerce.number().pipe(year).optional().describe('年度，默认当年'),
});

export const DutyAssignment = z.object({
  id: z.string(),
  orgId: z.string(),
  personId: z.string(),
  personName: z.string().describe('姓名'),
  position: z.string().nullable().describe('职务'),
  year: z.number().int().describe('年度'),
  role: z.string().describe('责任角色代码'),
  roleLabel: z.string().describe('责任角色名称，如“第一责任人”'),
});
export type DutyAssignmentDto = z.infer<typeof DutyAssignment>;

export const CreateDutyAssignmentBody = z.object({
  personId,
  year: year.describe('年度'),
  role: z.enum(DUTY_ROLES).describe('责任角色：主体责任、第一责任人、直接责任人、一岗双责'),
});

export const LeadingGroupMember = z.object({
  id: z.string(),
  orgId: z.string().describe('领导小组所属组织'),
  personId: z.string(),
  personName: z.string().describe('姓名'),
  personOrgName: z.string().describe('成员所在组织'),
  position: z.string().nullable().describe('职务'),
  year: z.number().int().describe('年度'),
  groupRole: z.string().describe('小组职务代码'),
  groupRoleLabel: z.string().describe('小组职务名称，如“组长”'),
});
export type LeadingGroupMemberDto = z.infer<typeof LeadingGroupMember>;

export const CreateLeadingGroupMemberBody = z.object({
  personId,
  year: year.describe('年度'),
  groupRole: z.enum(GROUP_ROLES).describe('小组职务：组长、副组长、成员、办公室主任'),
});
