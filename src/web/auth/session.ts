import { useQuery, type QueryClient } from '@tanstack/react-query';
import { can, type Permission } from '../../core/auth/roles.ts';
import { api, setCsrfToken } from '../http/client.ts';
import type { SessionInfo, SessionUser } from '../http/types.ts';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<SessionInfo> {
  const session = await api.get<SessionInfo>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** Asks the server again, whatever the cache holds (after login, and to keep an active session alive). */
export function refreshSession(queryClient: QueryClient): Promise<SessionInfo> {
  return queryClient.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The signed-in user. Only for components rendered inside the app layout, where a session exists. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data?.user) throw new Error('useCurrentUser outside an authenticated page');
  return data.user;
}

export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  return can(data?.user?.roles ?? [], permission);
}

/**
 * Removes every cached response except the session itself. (clear() would also drop the session
 * query from under the route guards watching it, and they would never see the next one.)
 */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/**
 * Forgets the session on this page: every cached response belongs to the previous user, and the
 * session itself reads as signed out, so the route guards send the user to the login page.
 */
export function dropSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  const previous = queryClient.getQueryData<SessionInfo>(SESSION_KEY);
  forgetUserData(queryClient);
  if (previous) {
    queryClient.setQueryData<SessionInfo>(SESSION_KEY, {
      ...previous, authenticated: false, user: null, csrfToken: null, mustChangePassword: false, passwordExpired: false,
    });
  }
}
