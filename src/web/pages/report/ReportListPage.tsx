import { EditOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Select, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/session.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerTable } from '../../components/ServerTable.tsx';
import { useListParams } from '../../components/useListParams.ts';
import { type ReportSummary, useReports } from './api.ts';
import { CreateReportModal } from './CreateReportModal.tsx';
import { KIND_LABELS, kindOptions, statusOptions } from './labels.ts';
import { reportPath, TEMPLATES_PATH } from './paths.ts';
import { yearOptions } from './period.ts';
import { StatusTag } from './StatusTag.tsx';
import './report.css';

const FILTERS = ['status', 'kind', 'year', 'orgId', 'draft'] as const;
/** The server's default order, shown on the period column until the user sorts otherwise. */
const DEFAULT_ORDER = { sort: 'period', order: 'desc' } as const;

export const EMPTY_REPORTS_HINT = '还没有报告。点击“起草报告”，选择模板和报告期，系统会从台账生成初稿。';

/**
 * The drafts within the user's scope, newest period first or sorted by a column, filtered by status,
 * kind, year and org (all kept in the URL); 起草报告 opens the draft form (also from a template's
 * page, ?draft=templateId).
 */
export default function ReportListPage() {
  const navigate = useNavigate();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const canWrite = useCan('report.write');
  const { params, filters, setFilters, setPaging } = useListParams(FILTERS, DEFAULT_ORDER);
  const reports = useReports({
    status: filters.status,
    kind: filters.kind,
    year: filters.year,
    orgId: filters.orgId,
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    order: params.order,
  });
  const today = dayjs().format('YYYY-MM-DD');

  const titleCell = (report: ReportSummary) => (
    <div className="lz-report-title-cell">
      <Link to={reportPath(report.id)}>{report.title}</Link>
      <div className="lz-report-sub">
        {phone ? `${report.period.label} · ${report.orgName} · ` : ''}
        {report.templateName}
      </div>
    </div>
  );
  // Sorted on the server by the column's key (ServerTable). The period and the last change read
  // best latest first, so their first click sorts descending; the period, the default order,
  // toggles between the two rather than falling back to itself.
  const columns: TableColumnsType<ReportSummary> = phone
    ? [
        { title: '报告', key: 'title', sorter: true, render: (_, r) => titleCell(r) },
        { title: '状态', key: 'status', sorter: true, render: (_, r) => <StatusTag status={r.status} /> },
      ]
    : [
        { title: '报告', key: 'title', sorter: true, render: (_, r) => titleCell(r) },
        { title: '报告期', key: 'period', sorter: true, sortDirections: ['descend', 'ascend', 'descend'], render: (_, r) => r.period.label, width: 150 },
        { title: '报告单位', dataIndex: 'orgName', key: 'org', sorter: true },
        { title: '类别', key: 'kind', render: (_, r) => KIND_LABELS[r.kind] },
        { title: '状态', key: 'status', sorter: true, render: (_, r) => <StatusTag status={r.status} /> },
        { title: '版本', key: 'version', render: (_, r) => `第${r.currentVersion}版`, align: 'center' },
        {
          title: '更新',
          dataIndex: 'updatedAt',
          key: 'updatedAt',
          sorter: true,
          sortDirections: ['descend', 'ascend'],
          render: (at: string) => <span title={formatDateTime(at)}>{formatDate(at)}</span>,
        },
      ];

  const filtered = !!(filters.status || filters.kind || filters.year || filters.orgId);
  const empty = filtered ? '没有符合条件的报告，请调整筛选条件' : canWrite ? EMPTY_REPORTS_HINT : '还没有报告。报告由党务工作人员从台账起草，经领导审定后报送上级。';

  return (
    <>
      <PageHeader
        title="工作报告"
        description="从台账生成的工作总结和情况报告：每个数字都能追溯到台账记录，按公文格式导出 Word。"
        extra={
          <>
            {canWrite ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setFilters({ draft: 'new' })}>
                起草报告
              </Button>
            ) : null}
            <Button icon={<SnippetsOutlined />} onClick={() => void navigate(TEMPLATES_PATH)}>
              报告模板
            </Button>
          </>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            aria-label="状态"
            placeholder="全部状态"
            allowClear
            value={filters.status}
            options={statusOptions}
            onChange={(status?: string) => setFilters({ status })}
            style={{ width: phone ? '100%' : 130 }}
          />
          <Select
            aria-label="类别"
            placeholder="全部类别"
            allowClear
            value={filters.kind}
            options={kindOptions}
            onChange={(kind?: string) => setFilters({ kind })}
            style={{ width: phone ? '100%' : 170 }}
          />
          <Select
            aria-label="年度"
            placeholder="全部年度"
            allowClear
            value={filters.year ? Number(filters.year) : undefined}
            options={yearOptions(today).map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(year?: number) => setFilters({ year: year ? String(year) : undefined })}
            style={{ width: phone ? '100%' : 120 }}
          />
          <OrgTreeSelect value={filters.orgId} onChange={(orgId) => setFilters({ orgId })} placeholder="全部单位" allowClear style={{ width: phone ? '100%' : 220 }} />
        </Flex>
        <ServerTable query={reports} columns={columns} params={params} onParamsChange={setPaging} rowKey="id" empty={<Typography.Text type="secondary">{empty}</Typography.Text>} />
      </Card>
      {canWrite ? (
        <CreateReportModal
          open={!!filters.draft}
          templateId={filters.draft && filters.draft !== 'new' ? filters.draft : undefined}
          onClose={() => setFilters({ draft: undefined })}
        />
      ) : null}
    </>
  );
}
