import { useQuery } from '@tanstack/react-query';
import type { DutyRole, GroupRole } from '../../../core/org/kinds.ts';
import { api } from '../../http/client.ts';
import type { ListResult } from '../../http/types.ts';

export const DUTY_KEY = ['duty'] as const;

export interface DutyAssignment {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  position: string | null;
  year: number;
  role: DutyRole;
  roleLabel: string;
}

export interface LeadingGroupMember {
  id: string;
  orgId: string;
  personId: string;
  personName: string;
  personOrgName: string;
  position: string | null;
  year: number;
  groupRole: GroupRole;
  groupRoleLabel: string;
}

const orgPath = (orgId: string, what: string) => `/api/orgs/${encodeURIComponent(orgId)}/${what}`;

export function useDutyAssignments(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...DUTY_KEY, 'assignments', orgId, year],
    queryFn: () => api.get<ListResult<DutyAssignment>>(orgPath(orgId!, 'duty-assignments'), { year }),
    enabled: !!orgId,
  });
}

export function useLeadingGroup(orgId: string | undefined, year: number) {
  return useQuery({
    queryKey: [...DUTY_KEY, 'leading-group', orgId, year],
    queryFn: () => api.get<ListResult<LeadingGroupMember>>(orgPath(orgId!, 'leading-group'), { year }),
    enabled: !!orgId,
  });
}

export const assignDuty = (orgId: string, body: { personId: string; year: number; role: DutyRole }) =>
  api.post<DutyAssignment>(orgPath(orgId, 'duty-assignments'), body);
export const removeDuty = (id: string) => api.delete(`/api/duty-assignments/${encodeURIComponent(id)}`);
export const addGroupMember = (orgId: string, body: { personId: string; year: number; groupRole: GroupRole }) =>
  api.post<LeadingGroupMember>(orgPath(orgId, 'leading-group'), body);
export const removeGroupMember = (id: string) => api.delete(`/api/leading-group-members/${encodeURIComponent(id)}`);
