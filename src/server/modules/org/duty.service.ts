import {
  DUTY_ROLE_LABELS, type DutyRole, GROUP_ROLE_LABELS, type GroupRole, SINGLE_HOLDER_DUTY_ROLES, SINGLE_HOLDER_GROUP_ROLES,
} from '../../../core/org/kinds.ts';
import { now } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { orgInScope, outOfScope, personInScope } from './org.access.ts';
import {
  deleteDutyAssignment, deleteLeadingGroupMember, dutyHolders, getDutyAssignmentInScope, getLeadingGroupMemberInScope, groupMembers,
  listDutyAssignments, listLeadingGroup,
} from './duty.repository.ts';
import { presentDutyAssignments, presentLeadingGroup } from './duty.presenter.ts';
import type { DutyAssignmentDto, LeadingGroupMemberDto } from './duty.schema.ts';
import { insertDutyAssignment, insertLeadingGroupMember } from './person.repository.ts';

// Duty roles (责任角色) and leading-group membership (领导小组) of an org, per year. Both are read by
// anyone who sees the org and changed by people.manage; the person must be in the actor's scope.

const yearOrCurrent = (year: number | undefined) => year ?? now().getFullYear();

export async function listOrgDuties(ctx: AppContext, actor: Actor, orgId: string, year?: number) {
  const org = await orgInScope(ctx, actor, orgId);
  const items = presentDutyAssignments(await listDutyAssignments(ctx.db, org.id, yearOrCurrent(year)));
  return { items, total: items.length };
}

export async function assignDuty(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { personId: string; year: number; role: DutyRole },
): Promise<DutyAssignmentDto> {
  const org = await orgInScope(ctx, actor, orgId, { write: true });
  const person = await personInScope(ctx, actor, input.personId, { write: true, field: 'personId' });
  const label = DUTY_ROLE_LABELS[input.role];
  const id = await auditedWrite(ctx, actor, async (trx) => {
    const holders = await dutyHolders(trx, org.id, input.year, input.role);
    if (holders.some((h) => h.person_id === person.id)) throw conflict('DUPLICATE', `${person.name}已是本组织${input.year}年度的${label}`, 'personId');
    if (SINGLE_HOLDER_DUTY_ROLES.includes(input.role) && holders.length > 0) {
      throw conflict('ROLE_TAKEN', `本组织${input.year}年度已有${label}，请先移除原有人员`, 'role');
    }
    const id = await insertDutyAssignment(trx, { orgId: org.id, personId: person.id, year: input.year, role: input.role });
    const summary = { org: org.name, person: person.name, year: input.year, role: input.role };
    return { result: id, audit: { action: 'duty.assign', targetType: 'duty_assignment', targetId: id, orgId: org.id, summary } };
  });
  const row = { id, org_id: org.id, person_id: person.id, year: input.year, role: input.role, person_name: person.name, position: person.position };
  return presentDutyAssignments([row])[0]!;
}

export async function removeDuty(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const item = (await getDutyAssignmentInScope(ctx.db, id, actor.orgPath)) ??
    (await outOfScope(ctx, actor, { type: 'duty_assignment', id, what: '责任角色' }, { write: true }));
  await auditedWrite(ctx, actor, async (trx) => {
    await deleteDutyAssignment(trx, id);
    const summary = { org: item.org_name, person: item.person_name, year: Number(item.year), role: item.role };
    return { result: null, audit: { action: 'duty.remove', targetType: 'duty_assignment', targetId: id, orgId: item.org_id, summary } };
  });
}

export async function listOrgLeadingGroup(ctx: AppContext, actor: Actor, orgId: string, year?: number) {
  const org = await orgInScope(ctx, actor, orgId);
  const items = presentLeadingGroup(await listLeadingGroup(ctx.db, org.id, yearOrCurrent(year)));
  return { items, total: items.length };
}

export async function addGroupMember(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { personId: string; year: number; groupRole: GroupRole },
): Promise<LeadingGroupMemberDto> {
  const org = await orgInScope(ctx, actor, orgId, { write: true });
  const person = await personInScope(ctx, actor, input.personId, { write: true, field: 'personId' });
  const id = await auditedWrite(ctx, actor, async (trx) => {
    const members = await groupMembers(trx, org.id, input.year);
    if (members.some((m) => m.person_id === person.id)) throw conflict('DUPLICATE', `${person.name}已在本组织${input.year}年度的领导小组中`, 'personId');
    if (SINGLE_HOLDER_GROUP_ROLES.includes(input.groupRole) && members.some((m) => m.group_role === input.groupRole)) {
      throw conflict('ROLE_TAKEN', `本组织${input.year}年度领导小组已有${GROUP_ROLE_LABELS[input.groupRole]}，请先移除原有人员`, 'groupRole');
    }
    const id = await insertLeadingGroupMember(trx, { orgId: org.id, personId: person.id, year: input.year, groupRole: input.groupRole });
    const summary = { org: org.name, person: person.name, year: input.year, groupRole: input.groupRole };
    return { result: id, audit: { action: 'leading_group.add', targetType: 'leading_group_member', targetId: id, orgId: org.id, summary } };
  });
  const row = {
    id, org_id: org.id, person_id: person.id, year: input.year, group_role: input.groupRole,
    person_name: person.name, position: person.position, person_org_name: person.org_name,
  };
  return presentLeadingGroup([row])[0]!;
}

export async function removeGroupMember(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const item = (await getLeadingGroupMemberInScope(ctx.db, id, actor.orgPath)) ??
    (await outOfScope(ctx, actor, { type: 'leading_group_member', id, what: '领导小组成员' }, { write: true }));
  await auditedWrite(ctx, actor, async (trx) => {
    await deleteLeadingGroupMember(trx, id);
    const summary = { org: item.org_name, person: item.person_name, year: Number(item.year), groupRole: item.group_role };
    return { result: null, audit: { action: 'leading_group.remove', targetType: 'leading_group_member', targetId: id, orgId: item.org_id, summary } };
  });
}
