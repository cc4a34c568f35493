import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type { ListResult } from '../../http/types.ts';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  orgName: string | null;
  ip: string | null;
  action: string;
  actionLabel: string;
  targetType: string | null;
  targetId: string | null;
  summary: unknown;
  result: AuditResult;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problem: { seq: number; reason: string; message: string } | null;
}

export const AUDIT_KEY = ['audit'] as const;

export const RESULT_LABELS: Record<AuditResult, { label: string; color: string }> = {
  success: { label: '成功', color: 'green' },
  failure: { label: '失败', color: 'red' },
  denied: { label: '拒绝', color: 'orange' },
};

export function useAuditLog(query: Query) {
  return useQuery({
    queryKey: [...AUDIT_KEY, 'list', query],
    queryFn: () => api.get<ListResult<AuditEntry>>('/api/audit', query),
    placeholderData: keepPreviousData,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: [...AUDIT_KEY, 'actions'],
    queryFn: () => api.get<{ action: string; label: string }[]>('/api/audit/actions'),
    staleTime: 5 * 60_000,
  });
}

export const verifyAuditLog = () => api.get<VerifyResult>('/api/audit/verify');
