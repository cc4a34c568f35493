import type { OrgKind } from '../../../core/org/kinds.ts';
import { api } from '../../http/client.ts';

export interface AdminAccountInput {
  username: string;
  displayName: string;
  password: string;
}

export interface SetupInput {
  org: { name: string; kind: OrgKind };
  sysadmin: AdminAccountInput;
  secadmin: AdminAccountInput;
  auditor: AdminAccountInput;
  demo: { password: string } | null;
  setupToken?: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: string[];
}

export interface SetupResult {
  orgId: string;
  demoAccounts: DemoAccount[];
}

export const runSetup = (input: SetupInput) => api.post<SetupResult>('/api/setup', input);
