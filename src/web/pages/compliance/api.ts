import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceStatus, Tally } from '../../../core/compliance/evaluate.ts';
import type { PeriodKind } from '../../../core/compliance/period.ts';
import { api } from '../../http/client.ts';
import type { ListResult } from '../../http/types.ts';

// The compliance API: one org's matrix, the rollup over its subtree, the calendar of what falls due,
// the records behind a cell, the dashboard figures and rule overrides. Shapes follow
// src/server/modules/compliance/compliance.schema.ts and override.schema.ts.

/** Every compliance cache entry starts with this key: a new record or override refreshes them all. */
export const COMPLIANCE_KEY = ['compliance'] as const;

export type { ComplianceStatus, Tally };

/** The override that decides a rule for the org: its own, or the nearest one set above it. */
export interface AppliedOverride {
  orgId: string;
  orgName: string;
  /** null keeps the pack's threshold. */
  min: number | null;
  enabled: boolean;
  reason: string;
}

export interface MatrixCell {
  period: string;
  /** First and last day (the due date), YYYY-MM-DD. */
  from: string;
  to: string;
  status: ComplianceStatus;
  count: number;
}

export interface MatrixRule {
  ruleId: string;
  name: string;
  basis: string;
  recordType: string;
  period: PeriodKind;
  dutyRole: string;
  /** The pack's threshold. */
  min: number;
  /** The threshold in force for this org. */
  effectiveMin: number;
  enabled: boolean;
  override: AppliedOverride | null;
  cells: MatrixCell[];
}

export interface Matrix {
  org: { id: string; name: string; kind: string };
  packId: string;
  year: number;
  today: string;
  periods: Partial<Record<PeriodKind, string[]>>;
  rules: MatrixRule[];
}

export interface RollupItem extends Tally {
  orgId: string;
  orgName: string;
  parentId: string | null;
  depth: number;
  subtree: Tally;
}

export interface CalendarItem {
  orgId: string;
  orgName: string;
  ruleId: string;
  ruleName: string;
  period: string;
  from: string;
  to: string;
  daysLeft: number;
  status: ComplianceStatus;
  count: number;
  effectiveMin: number;
  override: AppliedOverride | null;
}

export interface CalendarResult {
  today: string;
  days: number;
  items: CalendarItem[];
}

export interface CellRecord {
  id: string;
  title: string;
  occurredOn: string;
  typeId: string;
  orgId: string;
  orgName: string;
}

export interface UnitCompletion extends Tally {
  orgId: string;
  orgName: string;
  depth: number;
}

export interface Dashboard {
  year: number;
  /** Lowest rate first; units with nothing owed (rate null) last. */
  completionByUnit: UnitCompletion[];
  recordsByMonth: { month: string; count: number }[];
  /** Most overdue first. */
  overdueByRule: { ruleId: string; name: string; overdue: number }[];
}

export interface RuleOverride {
  id: string;
  packId: string;
  ruleId: string;
  ruleName: string;
  orgId: string;
  orgName: string;
  /** Set by a superior org and in force here. */
  inherited: boolean;
  min: number | null;
  enabled: boolean;
  reason: string;
  packMin: number | null;
  updatedAt: string;
}

export interface OverrideInput {
  packId: string;
  min: number | null;
  enabled: boolean;
  reason: string;
}

/** What every compliance view is asked for: an org (default: the user's), a pack and usually a year. */
export interface Scope {
  orgId: string | undefined;
  packId: string | undefined;
}

const ready = (scope: Scope) => !!scope.orgId && !!scope.packId;

export function useMatrix(scope: Scope, year: number) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'matrix', scope.orgId, scope.packId, year],
    queryFn: () => api.get<Matrix>('/api/compliance/matrix', { orgId: scope.orgId, packId: scope.packId, year }),
    enabled: ready(scope),
    placeholderData: keepPreviousData,
  });
}

export function useRollup(scope: Scope, year: number) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'rollup', scope.orgId, scope.packId, year],
    queryFn: () => api.get<RollupItem[]>('/api/compliance/rollup', { orgId: scope.orgId, packId: scope.packId, year }),
    enabled: ready(scope),
    placeholderData: keepPreviousData,
  });
}

export function useCalendar(scope: Scope, days: number) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'calendar', scope.orgId, scope.packId, days],
    queryFn: () => api.get<CalendarResult>('/api/compliance/calendar', { orgId: scope.orgId, packId: scope.packId, days }),
    enabled: ready(scope),
    placeholderData: keepPreviousData,
  });
}

export function useDashboard(scope: Scope, year: number) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'dashboard', scope.orgId, scope.packId, year],
    queryFn: () => api.get<Dashboard>('/api/compliance/dashboard', { orgId: scope.orgId, packId: scope.packId, year }),
    enabled: ready(scope),
    placeholderData: keepPreviousData,
  });
}

export interface CellRef {
  orgId: string;
  packId: string;
  ruleId: string;
  period: string;
}

/** The records that count toward one cell, exactly as the count was made (the rule's field filters included). */
export function useCellRecords(cell: CellRef | null, page: number, pageSize = 50) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'records', cell, page, pageSize],
    queryFn: () => api.get<ListResult<CellRecord>>('/api/compliance/records', { ...cell!, page, pageSize }),
    enabled: !!cell,
    placeholderData: keepPreviousData,
  });
}

/** One org's matrix, fetched outside a hook (the overdue drill-down asks for several). */
export const fetchMatrix = (orgId: string, packId: string, year: number) => api.get<Matrix>('/api/compliance/matrix', { orgId, packId, year });

const overridesPath = (orgId: string, ruleId?: string) =>
  `/api/orgs/${encodeURIComponent(orgId)}/rule-overrides${ruleId ? `/${encodeURIComponent(ruleId)}` : ''}`;

export function useOverrides(scope: Scope, enabled = true) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'overrides', scope.orgId, scope.packId],
    queryFn: () => api.get<{ items: RuleOverride[] }>(overridesPath(scope.orgId!), { packId: scope.packId }),
    enabled: enabled && ready(scope),
  });
}

export const putOverride = (orgId: string, ruleId: string, input: OverrideInput) => api.put<RuleOverride>(overridesPath(orgId, ruleId), input);

export const deleteOverride = (orgId: string, ruleId: string, packId: string) =>
  api.delete<{ ok: true }>(`${overridesPath(orgId, ruleId)}?packId=${encodeURIComponent(packId)}`);

/** The reminders' lead time in days: a running period this close to its end is 即将到期 (orange). */
export function useReminderDays(): number | undefined {
  const settings = useQuery({
    queryKey: [...COMPLIANCE_KEY, 'reminder-settings'],
    queryFn: () => api.get<{ daysBefore: number }>('/api/reminders/settings'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return settings.data?.daysBefore;
}

export const putReminderDays = (daysBefore: number) => api.put<{ daysBefore: number }>('/api/reminders/settings', { daysBefore });
