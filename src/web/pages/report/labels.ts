import { TEMPLATE_KIND_LABELS } from '../../../core/report/templateModel.ts';
import type { OmitReason, ProvenanceKind, ReportStatus, RunMark, TemplateKind, TemplatePeriodKind } from './api.ts';

// The Chinese words of the reports pages, in one place.

export const STATUS_LABELS: Record<ReportStatus, { label: string; color: string }> = {
  draft: { label: '起草中', color: 'processing' },
  approved: { label: '已审定', color: 'success' },
  submitted: { label: '已报送', color: 'purple' },
};

export const KIND_LABELS: Record<TemplateKind, string> = TEMPLATE_KIND_LABELS;

export const PERIOD_KIND_LABELS: Record<TemplatePeriodKind, string> = {
  year: '年度',
  half_year: '半年',
  quarter: '季度',
  range: '日期范围',
};

export const OMIT_REASONS: Record<OmitReason, string> = {
  zero: '台账中这一数字为零',
  missing: '台账中没有这一数据',
  empty: '没有可列举的记录，整条删去',
  not_applicable: '该要求对本单位不适用',
  invalid: '模板中的槽位有误',
};

export const PROVENANCE_KINDS: Record<ProvenanceKind, string> = {
  metric: '统计数字',
  records: '记录清单',
  rule: '规则落实情况',
  problem: '存在问题',
  plan: '计划条目',
};

export const MARK_LABELS: Record<RunMark, string> = {
  missing: '台账中没有数据，请补充',
  zero: '数字为零，请核对或改写',
  unbound: '占位符未绑定台账数据，请补充',
};

export const statusOptions = (Object.keys(STATUS_LABELS) as ReportStatus[]).map((value) => ({ value, label: STATUS_LABELS[value].label }));
export const kindOptions = (Object.keys(KIND_LABELS) as TemplateKind[]).map((value) => ({ value, label: KIND_LABELS[value] }));
export const periodKindOptions = (Object.keys(PERIOD_KIND_LABELS) as TemplatePeriodKind[]).map((value) => ({ value, label: PERIOD_KIND_LABELS[value] }));
