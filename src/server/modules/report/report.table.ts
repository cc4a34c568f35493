import type { Selectable } from 'kysely';

// The report module's tables (migration 2026_11_29_000005_reports). JSON columns are written with
// toJson and read with fromJson (db/database.ts).

/** A template imported from an old report, or written by hand, kept by an org. */
export interface ReportTemplateTable {
  id: string;
  org_id: string;
  pack_id: string;
  name: string;
  /** TEMPLATE_KINDS. */
  kind: string;
  /** TEMPLATE_PERIOD_KINDS. */
  period_kind: string;
  /** core/report/templateModel.ts ReportTemplate. */
  body: unknown;
  source_name: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One report of an org for a period, drafted from a template. */
export interface ReportDraftTable {
  id: string;
  org_id: string;
  pack_id: string;
  template_id: string;
  /** 'pack' or 'stored'. */
  template_source: string;
  template_name: string;
  kind: string;
  /** The template as drafted. */
  template: unknown;
  period_kind: string;
  period_from: string;
  period_to: string;
  period_label: string;
  issue_date: string;
  title: string;
  /** 'draft' | 'approved' | 'submitted'. */
  status: string;
  current_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  approved_by: string | null;
  approved_at: string | null;
  approved_version: number | null;
  submitted_by: string | null;
  submitted_at: string | null;
  submitted_version: number | null;
  submitted_record_id: string | null;
}

/** The ledger's facts at one moment and the document drafted from them. */
export interface ReportGenerationTable {
  draft_id: string;
  n: number;
  facts: unknown;
  document: unknown;
  provenance: unknown;
  omitted: unknown;
  created_by: string | null;
  created_at: string;
}

/** A generation with the user's edits: what the report reads at version n. */
export interface ReportVersionTable {
  draft_id: string;
  n: number;
  generation: number;
  edits: unknown;
  document: unknown;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export type ReportTemplateRow = Selectable<ReportTemplateTable>;
export type ReportDraftRow = Selectable<ReportDraftTable>;
export type ReportGenerationRow = Selectable<ReportGenerationTable>;
export type ReportVersionRow = Selectable<ReportVersionTable>;
