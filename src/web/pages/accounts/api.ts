import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../core/auth/roles.ts';
import { api, type Query } from '../../http/client.ts';
import type { ListResult } from '../../http/types.ts';

export const ACCOUNTS_KEY = ['accounts'] as const;

export interface Account {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  personId: string | null;
  roles: Role[];
  locked: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  /** A second factor (TOTP) is in force. */
  mfaEnrolled?: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface AccountInput {
  username: string;
  displayName: string;
  orgId: string;
  personId?: string | null;
  password: string;
}

export type AccountUpdate = Partial<Pick<AccountInput, 'displayName' | 'orgId' | 'personId'>>;

export function useAccounts(query: Query) {
  return useQuery({
    queryKey: [...ACCOUNTS_KEY, 'list', query],
    queryFn: () => api.get<ListResult<Account>>('/api/users', query),
    placeholderData: keepPreviousData,
  });
}

const userPath = (id: string, action = '') => `/api/users/${encodeURIComponent(id)}${action}`;

export const createAccount = (input: AccountInput) => api.post<Account>('/api/users', input);
export const updateAccount = (id: string, input: AccountUpdate) => api.patch<Account>(userPath(id), input);
export const setAccountDisabled = (id: string, disabled: boolean) => api.post<Account>(userPath(id, disabled ? '/disable' : '/enable'));
export const resetPassword = (id: string, password: string) => api.post(userPath(id, '/reset-password'), { password });
export const setRoles = (id: string, roles: Role[]) => api.put<Account>(userPath(id, '/roles'), { roles });
export const unlockAccount = (id: string) => api.post<Account>(userPath(id, '/unlock'));
export const resetAccountMfa = (id: string) => api.post<Account>(userPath(id, '/mfa/reset'));
