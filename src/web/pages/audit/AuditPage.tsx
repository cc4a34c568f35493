import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Tag, Typography, type TableColumnsType } from 'antd';
import { download } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerTable } from '../../components/ServerTable.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { RESULT_LABELS, useAuditLog, type AuditEntry } from './api.ts';
import { AUDIT_FILTERS, AuditFilters } from './AuditFilters.tsx';
import { useAuditVerification } from './VerifyButton.tsx';

const summaryText = (summary: unknown): string => (summary === null || summary === undefined ? '' : JSON.stringify(summary));

const columns: TableColumnsType<AuditEntry> = [
  // The log sorts by sequence only, newest first unless asked otherwise: no "unsorted" state.
  { title: '序号', dataIndex: 'seq', key: 'seq', sorter: true, sortDirections: ['ascend', 'descend', 'ascend'], fixed: 'left' },
  { title: '时间', dataIndex: 'at', render: (at: string) => formatDateTime(at) },
  { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v ?? '—' },
  { title: '组织', dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
  { title: 'IP 地址', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
  { title: '操作', dataIndex: 'actionLabel' },
  {
    title: '对象',
    key: 'target',
    render: (_, e) => (e.targetId ? <Typography.Text title={e.targetId} ellipsis style={{ maxWidth: 160 }}>{`${e.targetType ?? ''} ${e.targetId}`}</Typography.Text> : '—'),
  },
  { title: '结果', dataIndex: 'result', render: (r: AuditEntry['result']) => <Tag color={RESULT_LABELS[r]?.color}>{RESULT_LABELS[r]?.label ?? r}</Tag> },
  {
    title: '摘要',
    dataIndex: 'summary',
    render: (s: unknown) => (
      <Typography.Text ellipsis={{ tooltip: summaryText(s) }} style={{ maxWidth: 260, fontSize: 12 }} type="secondary">
        {summaryText(s) || '—'}
      </Typography.Text>
    ),
  },
];

/** The audit administrator's view of the log: filters, the entries, export and the integrity check. */
export default function AuditPage() {
  const { message } = App.useApp();
  const { params, filters, setFilters, setPaging } = useListParams([...AUDIT_FILTERS, 'verify'], { order: 'desc', sort: 'seq', pageSize: 50 });
  const { verify, ...filterValues } = filters;
  const log = useAuditLog({ page: params.page, pageSize: params.pageSize, order: params.order ?? 'desc', ...filterValues });
  const verification = useAuditVerification(verify === '1');

  const exportAs = (format: 'xlsx' | 'csv') =>
    download('/api/audit/export', { ...filterValues, format }, `审计日志.${format}`).catch((error: unknown) => void message.error(errorMessage(error)));

  return (
    <>
      <PageHeader
        title="审计日志"
        description="系统中每一次写操作和登录尝试的记录，按哈希链连接，不可修改。您的查阅和导出也会被记录。"
        extra={
          <>
            {verification.button}
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')}>
              导出Excel
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')}>
              导出CSV
            </Button>
          </>
        }
      />
      {verification.outcome ? <div style={{ marginBottom: 16 }}>{verification.outcome}</div> : null}
      <Card>
        <AuditFilters filters={filterValues} onChange={setFilters} />
        <ServerTable
          query={log}
          columns={columns}
          params={{ ...params, sort: 'seq' }}
          onParamsChange={(changes) => setPaging({ ...changes, sort: undefined })}
          rowKey="seq"
          size="small"
          empty="没有符合条件的日志"
        />
      </Card>
    </>
  );
}
