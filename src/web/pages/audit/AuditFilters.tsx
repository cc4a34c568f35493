import { DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { RESULT_LABELS, useAuditActions, type AuditResult } from './api.ts';

export const AUDIT_FILTERS = ['from', 'to', 'actor', 'action', 'result', 'q'] as const;
export type AuditFilterValues = Partial<Record<(typeof AUDIT_FILTERS)[number], string>>;

const RESULT_OPTIONS = (Object.keys(RESULT_LABELS) as AuditResult[]).map((r) => ({ value: r, label: RESULT_LABELS[r].label }));

/** Time range, actor, action, result and keyword; every change lands in the URL. */
export function AuditFilters({ filters, onChange }: { filters: AuditFilterValues; onChange: (changes: AuditFilterValues) => void }) {
  const actions = useAuditActions();
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })}
        allowEmpty={[true, true]}
        placeholder={['开始时间', '结束时间']}
      />
      <Input.Search placeholder="操作人" allowClear defaultValue={filters.actor} onSearch={(actor) => onChange({ actor: actor.trim() || undefined })} style={{ width: 160 }} />
      <Select
        value={filters.action}
        onChange={(action?: string) => onChange({ action })}
        options={(actions.data ?? []).map((a) => ({ value: a.action, label: a.label }))}
        loading={actions.isPending}
        placeholder="全部操作"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
      />
      <Select value={filters.result} onChange={(result?: string) => onChange({ result })} options={RESULT_OPTIONS} placeholder="全部结果" allowClear style={{ width: 120 }} />
      <Input.Search placeholder="关键词（操作人、对象ID、操作）" allowClear defaultValue={filters.q} onSearch={(q) => onChange({ q: q.trim() || undefined })} style={{ width: 260 }} />
    </Flex>
  );
}
