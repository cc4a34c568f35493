import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DraftRun, OmitReason, Provenance as CoreProvenance, ProvenanceKind, RunMark } from '../../../core/report/draftModel.ts';
import type { FigureChange } from '../../../core/report/draftEdits.ts';
import type { PeriodRequest } from '../../../core/report/draftPeriod.ts';
import type { ReportTemplate, TemplateKind, TemplatePeriodKind } from '../../../core/report/templateModel.ts';
import type { Node } from '../../../core/report/types.ts';
import { api, upload, type Query } from '../../http/client.ts';
import type { ListResult } from '../../http/types.ts';

// The reports API: templates (the pack's and imported ones, the import preview, saving), drafts with
// their document, provenance, versions, edits, regeneration, approval, submission, the superior's
// view of submissions, and the Word and PDF files. Shapes follow
// src/server/modules/report/report.schema.ts and reportTemplate.schema.ts.

/** Every report cache entry starts with this key: a change to a draft refreshes them all. */
export const REPORTS_KEY = ['reports'] as const;
export const TEMPLATES_KEY = ['report-templates'] as const;

export type { RunMark, OmitReason, ProvenanceKind, TemplateKind, TemplatePeriodKind, Node, FigureChange, PeriodRequest };
export type ReportStatus = 'draft' | 'approved' | 'submitted';


export interface ReportPeriod {
  kind: TemplatePeriodKind;
  from: string;
  to: string;
  label: string;
}

export interface ReportSummary {
  id: string;
  orgId: string;
  orgName: string;
  packId: string;
  templateId: string;
  templateSource: 'pack' | 'stored';
  templateName: string;
  kind: TemplateKind;
  period: ReportPeriod;
  title: string;
  status: ReportStatus;
  currentVersion: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  approvedVersion: number | null;
  /** Who submitted it (display name). */
  submittedBy: string | null;
  submittedAt: string | null;
  submittedVersion: number | null;
  /** The ledger record its submission wrote. */
  submittedRecordId: string | null;
}

/** A run of text: with an id where a figure or list fills it (its provenance), with a mark where the user must act. */
export type ReportRun = Pick<DraftRun, 'text' | 'id' | 'slot' | 'mark'>;
/** A string where the user rewrote the block; runs where drafting wrote it. */
export type ReportInline = string | readonly ReportRun[];

export interface ReportBlock {
  id: string;
  kind: 'heading' | 'paragraph';
  level?: number;
  marker?: string;
  text: ReportInline;
  body?: ReportInline | null;
  edited: boolean;
  stale: boolean;
}

export interface ReportDocument {
  title: string | null;
  addressee: string | null;
  blocks: ReportBlock[];
  signature: { org: string | null; date: string } | null;
  kind: 'report' | 'duty_report';
}

/** A run's provenance as the API sends it: the number of records instead of their ids. */
export type Provenance = Omit<CoreProvenance, 'recordIds'> & { recordCount: number };

export interface OmittedSentence {
  blockId: string;
  text: string;
  reason: OmitReason;
  slot: string | null;
}

export interface VersionMeta {
  n: number;
  generation: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface ReportDetail extends ReportSummary {
  issueDate: string;
  version: number;
  document: ReportDocument;
  provenance: Record<string, Provenance>;
  omitted: OmittedSentence[];
  versions: VersionMeta[];
}

export interface VersionDetail extends VersionMeta {
  document: ReportDocument;
  provenance: Record<string, Provenance>;
  omitted: OmittedSentence[];
}


export interface RegenerateResult {
  report: ReportDetail;
  changes: FigureChange[];
}

export interface ProvenanceRecords extends Provenance {
  runId: string;
  total: number;
  items: { id: string; title: string; occurredOn: string; typeId: string; orgId: string; orgName: string }[];
}

export interface CreateReportInput {
  orgId?: string;
  packId?: string;
  templateId: string;
  period: PeriodRequest;
  issueDate?: string;
}

export interface TemplateSummary {
  id: string;
  source: 'pack' | 'stored';
  packId: string;
  name: string;
  kind: TemplateKind;
  periodKind: TemplatePeriodKind;
  description: string | null;
  orgId: string | null;
  orgName: string | null;
  sourceName: string | null;
  createdAt: string | null;
  unboundCount: number;
}

export interface TemplateDetail extends TemplateSummary {
  template: ReportTemplate;
}

export interface ImportedPlaceholder {
  index: number;
  text: string;
  kind: 'number' | 'name';
  unit: string | null;
  context: string;
  metric: string | null;
  becomes: 'metric' | 'unbound' | 'text' | 'slot';
}

export interface ImportPreview {
  fileName: string;
  text: string;
  title: string | null;
  sections: Node[];
  signature: { org: string | null; date: string | null };
  placeholders: ImportedPlaceholder[];
  suggestion: { name: string; kind: TemplateKind; periodKind: TemplatePeriodKind };
  template: ReportTemplate;
}

export type SlotBinding = 'org.name' | 'period.label' | 'period.year';

/** What the user decided for one placeholder; exactly one of the four. */
export type ImportBinding = { index: number } & ({ metricId: string } | { slot: SlotBinding } | { text: string } | { keep: true });

export interface SaveTemplateInput {
  orgId?: string;
  packId?: string;
  name: string;
  kind: TemplateKind;
  periodKind: TemplatePeriodKind;
  description?: string;
  sourceName?: string;
  text: string;
  bindings: ImportBinding[];
}

export type SubmissionKind = 'annual_report' | 'half_year_report';

export interface Submissions {
  orgId: string;
  orgName: string;
  kind: SubmissionKind;
  period: { from: string; to: string; label: string };
  items: {
    orgId: string;
    orgName: string;
    parentId: string | null;
    depth: number;
    submitted: boolean;
    /** Reports submitted in lvzhi, with who sent them and the ledger record each submission wrote (also among `records`). */
    reports: { reportId: string; title: string; version: number | null; submittedAt: string; submittedBy: string | null; submittedRecordId: string | null }[];
    records: { recordId: string; title: string; occurredOn: string }[];
  }[];
}

export interface SubmissionsFilter {
  orgId?: string;
  year: number;
  kind: SubmissionKind;
  half?: number;
  scope: 'children' | 'subtree';
}

const reportPath = (id: string, rest = '') => `/api/reports/${encodeURIComponent(id)}${rest}`;
const templatePath = (id: string) => `/api/report-templates/${encodeURIComponent(id)}`;

export function useReports(query: Query) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'list', query],
    queryFn: () => api.get<ListResult<ReportSummary>>('/api/reports', query),
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({ queryKey: [...REPORTS_KEY, 'one', id], queryFn: () => api.get<ReportDetail>(reportPath(id!)), enabled: !!id });
}

/** An older version, read-only; versions never change once written. */
export function useReportVersion(id: string | undefined, n: number | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'version', id, n],
    queryFn: () => api.get<VersionDetail>(reportPath(id!, `/versions/${n}`)),
    enabled: !!id && n !== null,
    staleTime: Infinity,
  });
}

export function useProvenanceRecords(id: string, runId: string | null, version: number | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'provenance', id, runId, version, page, pageSize],
    queryFn: () => api.get<ProvenanceRecords>(reportPath(id, `/provenance/${encodeURIComponent(runId!)}`), { version, page, pageSize }),
    enabled: !!runId,
    placeholderData: keepPreviousData,
  });
}

export function useSubmissions(filter: SubmissionsFilter | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'submissions', filter],
    queryFn: () => api.get<Submissions>('/api/reports/submissions', { ...filter }),
    enabled: !!filter,
    placeholderData: keepPreviousData,
  });
}

export const createReport = (input: CreateReportInput) => api.post<ReportDetail>('/api/reports', input);
export const editBlock = (id: string, blockId: string, body: { text: string | null; heading?: string | null }) =>
  api.put<ReportDetail>(reportPath(id, `/blocks/${encodeURIComponent(blockId)}`), body);
export const regenerateReport = (id: string) => api.post<RegenerateResult>(reportPath(id, '/regenerate'));
export const approveReport = (id: string) => api.post<ReportDetail>(reportPath(id, '/approve'), {});
export const submitReport = (id: string) => api.post<ReportDetail>(reportPath(id, '/submit'), {});
export const reportFilePath = (id: string, format: 'docx' | 'pdf') => reportPath(id, `/${format}`);

export function useTemplates(packId = 'ideology') {
  return useQuery({ queryKey: [...TEMPLATES_KEY, 'list', packId], queryFn: () => api.get<TemplateSummary[]>('/api/report-templates', { packId }) });
}

export function useTemplate(id: string | undefined, packId = 'ideology') {
  return useQuery({ queryKey: [...TEMPLATES_KEY, 'one', id, packId], queryFn: () => api.get<TemplateDetail>(templatePath(id!), { packId }), enabled: !!id });
}

export const importTemplate = (file: File, onProgress?: (percent: number) => void) => upload<ImportPreview>('/api/report-templates/import', file, onProgress);
export const saveTemplate = (input: SaveTemplateInput) => api.post<TemplateDetail>('/api/report-templates', input);
export const deleteTemplate = (id: string) => api.delete<{ ok: true }>(templatePath(id));
