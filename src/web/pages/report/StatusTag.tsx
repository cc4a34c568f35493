import { Tag } from 'antd';
import type { ReportStatus } from './api.ts';
import { STATUS_LABELS } from './labels.ts';

/** 起草中 / 已审定 / 已报送, in colour and in words. */
export function StatusTag({ status }: { status: ReportStatus }) {
  const { label, color } = STATUS_LABELS[status];
  return <Tag color={color}>{label}</Tag>;
}
