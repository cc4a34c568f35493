import { Alert, Card, Flex, Grid, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { withParams } from '../../components/useListParams.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { recordPath } from '../ledger/ledgerNav.ts';
import { type SubmissionKind, type Submissions, type SubmissionsFilter, useSubmissions } from './api.ts';
import { reportPath } from './paths.ts';
import { outsideRecords } from './submissions.ts';
import { defaultPeriod, yearOptions } from './period.ts';
import './report.css';

type Item = Submissions['items'][number];

const KIND_OPTIONS = [
  { value: 'annual_report', label: '年度报告' },
  { value: 'half_year_report', label: '半年报告' },
];
const HALF_OPTIONS = [
  { value: 0, label: '上下半年' },
  { value: 1, label: '上半年' },
  { value: 2, label: '下半年' },
];
const SCOPE_OPTIONS = [
  { value: 'children', label: '直属下级' },
  { value: 'subtree', label: '全部下级' },
];

/** The filter in the URL, with the period a superior most likely checks today. */
export function submissionsFilter(search: URLSearchParams, today: string): SubmissionsFilter {
  const kind: SubmissionKind = search.get('kind') === 'half_year_report' ? 'half_year_report' : 'annual_report';
  const suggested = defaultPeriod(kind === 'annual_report' ? 'year' : 'half_year', today);
  const half = search.has('half') ? Number(search.get('half')) : (suggested.half ?? 0);
  return {
    orgId: search.get('orgId') ?? undefined,
    year: Number(search.get('year')) || suggested.year!,
    kind,
    half: kind === 'half_year_report' && (half === 1 || half === 2) ? half : undefined,
    scope: search.get('scope') === 'subtree' ? 'subtree' : 'children',
  };
}

/**
 * 报送情况, for a superior: which of its units have submitted their annual or half-year report for a
 * period, when, by whom and what (reports submitted in lvzhi open read-only at the submitted version,
 * listed once although their submission also wrote a ledger record; reports sent outside lvzhi show
 * as the ledger record entered for them), and who has not.
 */
export default function SubmissionsPage() {
  const user = useCurrentUser();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [search, setSearch] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const filter = submissionsFilter(search, today);
  const submissions = useSubmissions(filter);
  const set = (changes: Record<string, string | number | undefined>) =>
    setSearch((previous) => withParams(previous, changes), { replace: true });

  const items = submissions.data?.items ?? [];
  const done = items.filter((i) => i.submitted).length;
  const columns: TableColumnsType<Item> = [
    {
      title: '单位',
      key: 'org',
      render: (_, i) => <span style={{ paddingLeft: (i.depth - 1) * 16 }}>{i.orgName}</span>,
    },
    {
      title: '状态',
      key: 'status',
      render: (_, i) => (i.submitted ? <Tag color="success">已报送</Tag> : <Tag color="error">未报送</Tag>),
    },
    {
      title: '报送的报告',
      key: 'reports',
      render: (_, i) =>
        i.reports.length === 0 && outsideRecords(i).length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {i.reports.map((r) => (
              <div key={r.reportId}>
                <Link to={reportPath(r.reportId, r.version ?? undefined)}>{r.title}</Link>
                <div className="lz-report-sub">
                  {formatDateTime(r.submittedAt)} {r.submittedBy ? `${r.submittedBy}报送` : '报送'}
                  {r.version ? ` · 第${r.version}版` : ''}
                </div>
              </div>
            ))}
            {outsideRecords(i).map((r) => (
              <div key={r.recordId}>
                <Link to={recordPath(r.recordId)}>{r.title}</Link>
                <div className="lz-report-sub">{r.occurredOn} · 台账登记的报送记录</div>
              </div>
            ))}
          </Flex>
        ),
    },
  ];

  return (
    <>
      <PageHeader title="报送情况" description="下级单位的年度、半年工作报告是否已报送：在本系统报送的报告可直接阅读报送的版本，系统外报送的以台账中的报送记录为准。" />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <OrgTreeSelect value={filter.orgId ?? user.orgId} onChange={(orgId) => set({ orgId })} style={{ width: phone ? '100%' : 240 }} />
          <Select aria-label="报告类别" value={filter.kind} options={KIND_OPTIONS} onChange={(kind: string) => set({ kind, half: undefined })} style={{ width: 120 }} />
          <Select
            aria-label="年度"
            value={filter.year}
            options={yearOptions(today).map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(year: number) => set({ year })}
            style={{ width: 110 }}
          />
          {filter.kind === 'half_year_report' ? (
            <Select aria-label="半年" value={filter.half ?? 0} options={HALF_OPTIONS} onChange={(half: number) => set({ half })} style={{ width: 120 }} />
          ) : null}
          <Select aria-label="范围" value={filter.scope} options={SCOPE_OPTIONS} onChange={(scope: string) => set({ scope })} style={{ width: 120 }} />
        </Flex>
        {submissions.error ? <Alert type="error" showIcon title={errorMessage(submissions.error)} style={{ marginBottom: 12 }} /> : null}
        {submissions.data ? (
          <Typography.Paragraph>
            <Typography.Text strong>{submissions.data.orgName}</Typography.Text> · {submissions.data.period.label}
            {filter.kind === 'annual_report' ? '年度报告' : '半年报告'}：{items.length}个单位中已报送
            <Typography.Text strong type="success"> {done} </Typography.Text>个，未报送
            <Typography.Text strong type={items.length - done > 0 ? 'danger' : undefined}> {items.length - done} </Typography.Text>个。
          </Typography.Paragraph>
        ) : null}
        <Table
          rowKey="orgId"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={submissions.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '所选组织没有下级单位。' }}
        />
      </Card>
    </>
  );
}
