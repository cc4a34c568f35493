import { useQuery } from '@tanstack/react-query';
import { DEFAULT_POLICY, type SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { can } from '../../../core/auth/roles.ts';
import { api } from '../../http/client.ts';
import { useSession } from '../../auth/session.ts';

export const POLICY_KEY = ['security-policy'] as const;

export function useSecurityPolicy(enabled = true) {
  return useQuery({
    queryKey: POLICY_KEY,
    queryFn: () => api.get<SecurityPolicy>('/api/settings/security-policy'),
    enabled,
  });
}

/**
 * The password rules to check against as the user types: the real policy for the administrators
 * who may read it, what the session tells everyone else, the defaults before setup.
 */
export function usePasswordPolicy(): SecurityPolicy {
  const { data: session } = useSession();
  const roles = session?.user?.roles ?? [];
  const readable = !!session?.authenticated && !session.mustChangePassword && !session.passwordExpired && can(roles, 'policy.read');
  const { data: policy } = useSecurityPolicy(readable);
  return { ...DEFAULT_POLICY, ...session?.passwordPolicy, ...policy };
}
