import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ListResult, Org } from './types.ts';

/** Every org-related cache entry starts with this key: changing an org refreshes them all. */
export const ORGS_KEY = ['orgs'] as const;

/** The flat list of orgs in the user's scope; the tree is built on the client. */
export function useOrgList(includeInactive = false, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...ORGS_KEY, 'list', { includeInactive }],
    queryFn: () => api.get<ListResult<Org>>('/api/orgs', { includeInactive: includeInactive || undefined }),
    staleTime: 60_000,
  });
}
