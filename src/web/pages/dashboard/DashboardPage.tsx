import { CheckCircleFilled, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Grid, Result, Row, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { chinaToday } from '../../../core/compliance/period.ts';
import { useCan } from '../../auth/session.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useCalendar, useDashboard, useRollup } from '../compliance/api.ts';
import { useComplianceParams } from '../compliance/filters.ts';
import { CALENDAR_PATH, ledgerListLink, matrixLink, monthRange } from '../compliance/links.ts';
import { OverdueDrawer } from '../compliance/OverdueDrawer.tsx';
import { percentText, rateColor, TONES } from '../compliance/status.ts';
import { useLedgerPack } from '../ledger/useLedgerPack.ts';
import { completionChart, headline, monthlyChart, overdueChart } from './chartOptions.ts';
import '../compliance/compliance.css';

function Kpi({ title, value, suffix, color, hint, onClick, to }: { title: string; value: ReactNode; suffix?: string; color?: string; hint: string; onClick?: () => void; to?: string }) {
  const navigate = useNavigate();
  const open = onClick ?? (to ? () => void navigate(to) : undefined);
  return (
    <Card
      size="small"
      hoverable
      className="lz-kpi"
      onClick={open}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), open?.())}
      aria-label={`${title}${typeof value === 'string' || typeof value === 'number' ? value : ''}${suffix ?? ''}，${hint}`}
    >
      <Statistic title={title} value={value as string | number} suffix={suffix} styles={{ content: { color, fontSize: 28, fontWeight: 600 } }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint} <RightOutlined style={{ fontSize: 10 }} />
      </Typography.Text>
    </Card>
  );
}

/**
 * 驾驶舱: what a leader needs at a glance for the org and everything below it — one sentence, four
 * figures, three charts — and every figure and bar opens what it counts.
 */
export default function DashboardPage() {
  const screens = Grid.useBreakpoint();
  const phone = !(screens.md ?? true);
  const navigate = useNavigate();
  const params = useComplianceParams();
  const { orgId, year, update } = params;
  const ledger = useLedgerPack(params.packId);
  const scope = { orgId, packId: ledger.packId };
  const dashboard = useDashboard(scope, year);
  const rollup = useRollup(scope, year);
  const calendar = useCalendar(scope, 30);
  const canWrite = useCan('ledger.write');
  const [overdue, setOverdue] = useState<{ ruleId: string; name: string } | null | undefined>(undefined);

  if (ledger.error) return <QueryError error={ledger.error} onRetry={ledger.refetch} />;
  const error = dashboard.error ?? rollup.error;
  const data = dashboard.data?.year === year ? dashboard.data : undefined;
  const root = rollup.data?.find((i) => i.depth === 0 && i.orgId === orgId);
  const today = calendar.data?.today ?? chinaToday(new Date());
  const thisMonth = today.slice(0, 7);
  const currentYear = Number(today.slice(0, 4)) === year;
  const month = currentYear ? thisMonth : `${year}-12`;
  const monthCount = data?.recordsByMonth.find((m) => m.month === month)?.count ?? 0;
  const yearCount = data?.recordsByMonth.reduce((n, m) => n + m.count, 0) ?? 0;
  const packId = ledger.packId ?? 'ideology';

  const completion = data ? completionChart(data.completionByUnit, { compact: phone }) : null;
  const monthly = data ? monthlyChart(data.recordsByMonth, currentYear ? today : `${year}-12-31`, { compact: phone }) : null;
  const overdueBars = data ? overdueChart(data.overdueByRule, { compact: phone }) : null;
  const ledgerFor = (range: { from: string; to: string }) => ledgerListLink({ packId: params.packId, orgId, from: range.from, to: range.to });

  const header = (
    <PageHeader
      title="驾驶舱"
      description="本单位及下级单位落实意识形态工作责任制的总体情况。点击任一数字或图形，查看它统计的记录。"
      extra={
        <>
          <OrgTreeSelect value={orgId} onChange={(next) => next && update({ orgId: next }, true)} style={{ width: phone ? '100%' : 240 }} />
          <DatePicker picker="year" value={dayjs(`${year}-01-01`)} onChange={(d) => d && update({ year: d.year() })} allowClear={false} format="YYYY年" style={{ width: 110 }} aria-label="年度" />
        </>
      }
    />
  );

  if (error) {
    return (
      <>
        {header}
        <QueryError error={error} onRetry={() => void Promise.all([dashboard.refetch(), rollup.refetch()])} />
      </>
    );
  }
  if (!data || !root) {
    return (
      <>
        {header}
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }

  const total = root.subtree;
  const overdueUnits = data.completionByUnit.map((u) => ({ orgId: u.orgId, orgName: u.orgName, overdue: u.overdue }));
  const nothingRecorded = yearCount === 0;

  return (
    <>
      {header}
      <Alert
        type={total.overdue > 0 ? 'warning' : total.applicable === 0 ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={<span style={{ fontSize: 15 }}>{headline(root.orgName, year, total, data)}</span>}
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Kpi title="完成率" value={percentText(total.rate)} color={rateColor(total.rate)} hint={`已完成${total.met} / 应完成${total.applicable}`} to={matrixLink({ orgId, packId: params.packId, year })} />
        </Col>
        <Col xs={12} lg={6}>
          <Kpi
            title="已逾期"
            value={total.overdue}
            suffix="项"
            color={total.overdue > 0 ? TONES.overdue.background : undefined}
            hint={total.overdue > 0 ? '查看是哪些单位' : '没有逾期'}
            onClick={() => setOverdue(null)}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Kpi
            title={currentYear ? '本月台账记录' : '全年台账记录'}
            value={currentYear ? monthCount : yearCount}
            suffix="条"
            hint="查看记录"
            to={ledgerFor(currentYear ? monthRange(month) : { from: `${year}-01-01`, to: `${year}-12-31` })}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Kpi
            title="30天内到期"
            value={calendar.data ? calendar.data.items.length : '—'}
            suffix="项"
            color={calendar.data && calendar.data.items.length > 0 ? TONES.due_soon.color : undefined}
            hint="查看到期日历"
            to={`${CALENDAR_PATH}?orgId=${encodeURIComponent(orgId)}`}
          />
        </Col>
      </Row>

      {nothingRecorded ? (
        <Card style={{ marginBottom: 16 }}>
          <Result
            status="info"
            title={`${year}年还没有台账记录`}
            subTitle="完成率、逾期和趋势都从台账记录计算。请党务工作人员和各单位联络员把开展的会议、学习、宣传等工作登记为台账，并上传佐证材料；也可以用Excel批量导入。"
            extra={
              canWrite ? (
                <Link to="/ledger/new">
                  <Button type="primary" icon={<PlusOutlined />}>
                    新增台账记录
                  </Button>
                </Link>
              ) : null
            }
          />
        </Card>
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card
            size="small"
            title="各单位完成率（低的在前）"
            extra={
              <Link to={matrixLink({ orgId, packId: params.packId, year })}>
                全部单位{completion && completion.hidden > 0 ? `（另有${completion.hidden}个）` : ''}
              </Link>
            }
            style={{ height: '100%' }}
          >
            {completion && completion.targets.length > 0 ? (
              <Chart
                label={completion.description}
                option={completion.option}
                height={completion.height}
                onPick={(i) => void navigate(matrixLink({ orgId: completion.targets[i]!, root: completion.targets[i] === orgId ? undefined : orgId, packId: params.packId, year }))}
              />
            ) : (
              <Empty description="还没有到期应完成的要求，暂无完成率。第一个周期结束后这里会显示各单位的完成情况。" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card
            size="small"
            title="逾期最多的要求"
            extra={
              total.overdue > 0 ? (
                <Button type="link" size="small" onClick={() => setOverdue(null)} style={{ paddingInline: 0 }}>
                  全部逾期事项
                </Button>
              ) : null
            }
            style={{ height: '100%' }}
          >
            {overdueBars && overdueBars.targets.length > 0 ? (
              <>
                <Chart
                  label={overdueBars.description}
                  option={overdueBars.option}
                  height={overdueBars.height}
                  onPick={(i) => {
                    const rule = data.overdueByRule.find((r) => r.ruleId === overdueBars.targets[i]);
                    if (rule) setOverdue({ ruleId: rule.ruleId, name: rule.name });
                  }}
                />
                {overdueBars.hidden > 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    另有{overdueBars.hidden}项要求有逾期，见“全部逾期事项”。
                  </Typography.Text>
                ) : null}
              </>
            ) : (
              <Flex vertical align="center" gap={8} style={{ padding: '32px 0' }}>
                <CheckCircleFilled style={{ fontSize: 36, color: '#389e0d' }} />
                <Typography.Text>没有逾期的要求</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  即将到期的要求见<Link to={`${CALENDAR_PATH}?orgId=${encodeURIComponent(orgId)}`}>到期日历</Link>
                </Typography.Text>
              </Flex>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={`${year}年每月台账记录（本级及下级）`}
            extra={<Link to={ledgerFor({ from: `${year}-01-01`, to: `${year}-12-31` })}>全年{yearCount}条</Link>}
          >
            {monthly && !nothingRecorded ? (
              <Chart
                label={monthly.description}
                option={monthly.option}
                height={monthly.height}
                onPick={(i) => {
                  const m = monthly.targets[i];
                  if (m && m <= thisMonth) void navigate(ledgerFor(monthRange(m)));
                }}
              />
            ) : (
              <Empty description="本年度还没有台账记录。" />
            )}
          </Card>
        </Col>
      </Row>

      <OverdueDrawer
        open={overdue !== undefined}
        onClose={() => setOverdue(undefined)}
        rootId={orgId}
        packId={packId}
        year={year}
        units={overdueUnits}
        rule={overdue}
      />
    </>
  );
}
