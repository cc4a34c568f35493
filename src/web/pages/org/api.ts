import { useQuery } from '@tanstack/react-query';
import type { OrgKind } from '../../../core/org/kinds.ts';
import { api } from '../../http/client.ts';
import { ORGS_KEY } from '../../http/orgs.ts';
import type { Org, OrgDetail } from '../../http/types.ts';

export interface OrgFields {
  name: string;
  kind: OrgKind;
  code?: string | null;
  sortOrder?: number | null;
}

export function useOrgDetail(id: string | undefined) {
  return useQuery({
    queryKey: [...ORGS_KEY, 'detail', id],
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

const orgPath = (id: string, action = '') => `/api/orgs/${encodeURIComponent(id)}${action}`;

/** Blank optional fields are left out rather than sent empty. */
function cleanFields(fields: OrgFields) {
  return {
    name: fields.name.trim(),
    kind: fields.kind,
    code: fields.code?.trim() || null,
    sortOrder: fields.sortOrder ?? undefined,
  };
}

export const createOrg = (parentId: string, fields: OrgFields) => api.post<Org>('/api/orgs', { parentId, ...cleanFields(fields) });
export const updateOrg = (id: string, fields: OrgFields) => api.patch<Org>(orgPath(id), cleanFields(fields));
export const moveOrg = (id: string, parentId: string) => api.post<Org>(orgPath(id, '/move'), { parentId });
export const setOrgActive = (id: string, active: boolean) => api.post<Org>(orgPath(id, active ? '/reactivate' : '/deactivate'));

/** An org change can rename what people lists and duty tables show: refresh those too. */
export const ORG_CHANGE_INVALIDATES = [ORGS_KEY, ['people'], ['duty']] as const;
