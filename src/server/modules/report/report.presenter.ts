import type { z } from 'zod';
import type { Edits } from '../../../core/report/draftEdits.ts';
import type { DraftDocument, DraftInline, Omitted, Provenance } from '../../../core/report/draftModel.ts';
import type { TemplateKind, TemplatePeriodKind } from '../../../core/report/templateModel.ts';
import type { DraftRow } from './report.repository.ts';
import type { ProvenanceDto, ReportDocumentDto, ReportSummary } from './report.schema.ts';

// Stored drafts, versions and generations in the shapes of report.schema.ts.

export function presentSummary(row: DraftRow): z.infer<typeof ReportSummary> {
  return {
    id: row.id, orgId: row.org_id, orgName: row.org_name, packId: row.pack_id, templateId: row.template_id,
    templateSource: row.template_source === 'stored' ? 'stored' : 'pack', templateName: row.template_name, kind: row.kind as TemplateKind,
    period: { kind: row.period_kind as TemplatePeriodKind, from: row.period_from, to: row.period_to, label: row.period_label },
    title: row.title, status: row.status as 'draft' | 'approved' | 'submitted', currentVersion: Number(row.current_version),
    createdBy: row.created_by_name, createdAt: row.created_at, updatedAt: row.updated_at,
    approvedBy: row.approved_by_name, approvedAt: row.approved_at, approvedVersion: row.approved_version === null ? null : Number(row.approved_version),
    submittedBy: row.submitted_by_name, submittedAt: row.submitted_at, submittedVersion: row.submitted_version === null ? null : Number(row.submitted_version), submittedRecordId: row.submitted_record_id,
  };
}

/** The ids of the runs a document prints (an edited block prints none). */
export function runIds(doc: DraftDocument): Set<string> {
  const ids = new Set<string>();
  const add = (v: DraftInline | null | undefined) => {
    if (v && typeof v !== 'string') for (const r of v) if (r.id) ids.add(r.id);
  };
  for (const b of doc.blocks) {
    add(b.text);
    if (b.kind === 'heading') add(b.body);
  }
  return ids;
}

export function presentDocument(doc: DraftDocument, edits: Edits): z.infer<typeof ReportDocumentDto> {
  return {
    title: doc.title,
    addressee: doc.addressee ?? null,
    blocks: doc.blocks.map((b) => ({
      ...b,
      ...(b.kind === 'heading' ? { body: b.body ?? null } : {}),
      edited: edits[b.id] !== undefined,
      stale: edits[b.id]?.stale ?? false,
    })),
    signature: doc.signature ?? null,
    kind: doc.kind ?? 'report',
  };
}

export const presentProvenance = (p: Provenance): z.infer<typeof ProvenanceDto> => ({
  kind: p.kind, label: p.label, value: p.value, metricId: p.metricId, recordType: p.recordType, ruleId: p.ruleId, recordCount: p.recordIds.length,
});

/** Provenance of the runs the document prints, without the record ids (the click-through lists them). */
export function presentProvenanceOf(doc: DraftDocument, provenance: Record<string, Provenance>): Record<string, z.infer<typeof ProvenanceDto>> {
  const shown = runIds(doc);
  return Object.fromEntries(Object.entries(provenance).filter(([id]) => shown.has(id)).map(([id, p]) => [id, presentProvenance(p)]));
}

export const presentOmitted = (omitted: readonly Omitted[]) => omitted.map((o) => ({ ...o }));

export const presentVersionMeta = (v: { n: number; generation: number; note: string | null; created_at: string; created_by_name: string | null }) => ({
  n: Number(v.n), generation: Number(v.generation), note: v.note, createdBy: v.created_by_name, createdAt: v.created_at,
});
