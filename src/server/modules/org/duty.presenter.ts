import { DUTY_ROLE_LABELS, DUTY_ROLES, type DutyRole, GROUP_ROLE_LABELS, GROUP_ROLES, type GroupRole } from '../../../core/org/kinds.ts';
import type { DutyAssignmentListRow, LeadingGroupListRow } from './duty.repository.ts';
import type { DutyAssignmentDto, LeadingGroupMemberDto } from './duty.schema.ts';

const rank = (list: readonly string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length);

export function presentDutyAssignments(rows: readonly DutyAssignmentListRow[]): DutyAssignmentDto[] {
  return rows
    .map((r) => ({
      id: r.id, orgId: r.org_id, personId: r.person_id, personName: r.person_name, position: r.position, year: Number(r.year),
      role: r.role, roleLabel: DUTY_ROLE_LABELS[r.role as DutyRole] ?? r.role,
    }))
    // Rows arrive by name; the stable sort puts them in the order of the roles (书记 first).
    .sort((a, b) => rank(DUTY_ROLES, a.role) - rank(DUTY_ROLES, b.role));
}

export function presentLeadingGroup(rows: readonly LeadingGroupListRow[]): LeadingGroupMemberDto[] {
  return rows
    .map((r) => ({
      id: r.id, orgId: r.org_id, personId: r.person_id, personName: r.person_name, personOrgName: r.person_org_name,
      position: r.position, year: Number(r.year), groupRole: r.group_role,
      groupRoleLabel: GROUP_ROLE_LABELS[r.group_role as GroupRole] ?? r.group_role,
    }))
    .sort((a, b) => rank(GROUP_ROLES, a.groupRole) - rank(GROUP_ROLES, b.groupRole));
}
