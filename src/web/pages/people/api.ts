import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type { ListResult, Person } from '../../http/types.ts';

export const PEOPLE_KEY = ['people'] as const;

export interface PersonInput {
  orgId: string;
  name: string;
  position?: string | null;
  /** Undefined leaves a stored value as it is; null clears it. */
  phone?: string | null;
  email?: string | null;
}

export interface Contact {
  phone: string | null;
  email: string | null;
}

export function usePeople(query: Query) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'list', query],
    queryFn: () => api.get<ListResult<Person>>('/api/people', query),
    placeholderData: keepPreviousData,
  });
}

const personPath = (id: string, action = '') => `/api/people/${encodeURIComponent(id)}${action}`;

export const createPerson = (input: PersonInput) => api.post<Person>('/api/people', input);
export const updatePerson = (id: string, input: Partial<PersonInput>) => api.patch<Person>(personPath(id), input);
export const deletePerson = (id: string) => api.delete(personPath(id));
export const fetchContact = (id: string) => api.get<Contact>(personPath(id, '/contact'));
export const personExportPath = (id: string) => personPath(id, '/export');
