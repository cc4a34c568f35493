import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../http/client.ts';
import type { ListResult } from '../../http/types.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import type { AttachmentRef } from '../../components/evidence/types.ts';
import { COMPLIANCE_KEY } from '../compliance/api.ts';

// The ledger's API: packs (what record types exist and which fields they have), records, and the
// per-type Excel routes. Shapes follow src/server/modules/ledger/record.schema.ts and pack.schema.ts.

export const RECORDS_KEY = ['records'] as const;
export const PACKS_KEY = ['packs'] as const;
/**
 * What a record saved, deleted, restored or imported makes stale: the ledger's lists and the
 * compliance figures counted from them (matrix, rollup, calendar, dashboard, a cell's records).
 */
export const RECORD_CHANGE_INVALIDATES = [RECORDS_KEY, COMPLIANCE_KEY] as const;

export interface PackSummary {
  id: string;
  name: string;
  version: string;
  description: string | null;
  recordTypeCount: number;
  ruleCount: number;
}

export interface NamedRef {
  id: string;
  name: string;
}

/** A field's value as the server shows it: people and orgs resolved to names, attachments described. */
export type FieldDisplayValue = string | number | boolean | string[] | NamedRef | NamedRef[] | AttachmentRef | AttachmentRef[];

export interface LedgerRecord {
  id: string;
  packId: string;
  typeId: string;
  typeName: string;
  orgId: string;
  orgName: string;
  title: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  fields: Record<string, FieldDisplayValue>;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  deletedAt: string | null;
}

/** What POST /api/records and PATCH /api/records/:id take. */
export interface RecordInput {
  packId: string;
  typeId: string;
  orgId: string;
  title: string;
  occurredOn: string;
  fields: Record<string, string | number | boolean | string[]>;
}

/** The list's filters, as the URL and the server name them. */
export interface RecordFilters {
  packId?: string;
  typeId?: string;
  orgId?: string;
  subtree?: string;
  from?: string;
  to?: string;
  q?: string;
  includeDeleted?: string;
}

export function usePacks() {
  return useQuery({ queryKey: [...PACKS_KEY, 'list'], queryFn: () => api.get<PackSummary[]>('/api/packs'), staleTime: Infinity });
}

/** A whole pack; packs change only when the server restarts. */
export function usePack(packId: string | undefined) {
  return useQuery({
    queryKey: [...PACKS_KEY, packId],
    queryFn: () => api.get<Pack>(`/api/packs/${encodeURIComponent(packId!)}`),
    enabled: !!packId,
    staleTime: Infinity,
  });
}

export function useRecords(query: Query) {
  return useQuery({
    queryKey: [...RECORDS_KEY, 'list', query],
    queryFn: () => api.get<ListResult<LedgerRecord>>('/api/records', query),
    placeholderData: keepPreviousData,
  });
}

const recordPath = (id: string, action = '') => `/api/records/${encodeURIComponent(id)}${action}`;

export function useRecord(id: string | undefined) {
  return useQuery({ queryKey: [...RECORDS_KEY, 'one', id], queryFn: () => api.get<LedgerRecord>(recordPath(id!)), enabled: !!id });
}

export const createRecord = (input: RecordInput) => api.post<LedgerRecord>('/api/records', input);
export const updateRecord = (id: string, input: Omit<RecordInput, 'packId' | 'typeId'>) => api.patch<LedgerRecord>(recordPath(id), input);
export const deleteRecord = (id: string) => api.delete<LedgerRecord>(recordPath(id));
export const restoreRecord = (id: string) => api.post<LedgerRecord>(recordPath(id, '/restore'));

/** Excel per record type: the template, the import (all rows or none) and the export of a filtered list. */
export const EXCEL_PATHS = {
  template: '/api/records/template',
  import: '/api/records/import',
  export: '/api/records/export',
} as const;
