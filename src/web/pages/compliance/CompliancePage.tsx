import { ArrowLeftOutlined, CalendarOutlined, ControlOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Grid, Row, Segmented, Select, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ORG_KIND_LABELS } from '../../../core/org/kinds.ts';
import { useCan } from '../../auth/session.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLedgerPack } from '../ledger/useLedgerPack.ts';
import { useMatrix, useReminderDays, useRollup, type MatrixRule, type RollupItem, type Tally } from './api.ts';
import { CellDrawer } from './CellDrawer.tsx';
import { ComplianceMatrix, StatusLegend, type CellPick } from './ComplianceMatrix.tsx';
import { useComplianceParams } from './filters.ts';
import { CALENDAR_PATH } from './links.ts';
import { matrixCounts, matrixRows, type MatrixFilter } from './matrixLayout.ts';
import { OverrideModal, type OverrideSubject } from './OverrideModal.tsx';
import { OverridesDrawer } from './OverridesDrawer.tsx';
import { RollupTable } from './RollupTable.tsx';
import { percentText, rateColor, TONES } from './status.ts';
import './compliance.css';

const FILTERS: readonly MatrixFilter[] = ['all', 'open', 'overdue'];

/** The org's own figures above the matrix; the overdue figure narrows the matrix to what is overdue. */
function OrgFigures({ tally, onView, compact }: { tally: Tally; onView: (view: MatrixFilter) => void; compact: boolean }) {
  const size = { fontSize: compact ? 20 : 26, fontWeight: 600 };
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title="完成率" value={percentText(tally.rate)} styles={{ content: { ...size, color: rateColor(tally.rate) } }} />
        </Col>
        <Col xs={12} md={6}>
          <button type="button" className="lz-plain-button" onClick={() => onView('overdue')} aria-label={`逾期事项${tally.overdue}项，只看有逾期的要求`}>
            <Statistic
              title="逾期事项（点击只看逾期）"
              value={tally.overdue}
              suffix="项"
              styles={{ content: { ...size, color: tally.overdue > 0 ? TONES.overdue.background : undefined } }}
            />
          </button>
        </Col>
        <Col xs={12} md={6}>
          <button type="button" className="lz-plain-button" onClick={() => onView('open')} aria-label={`进行中${tally.due}项，只看未完成的要求`}>
            <Statistic title="进行中（点击只看未完成）" value={tally.due} suffix="项" styles={{ content: size }} />
          </button>
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="已完成 / 应完成" value={tally.met} suffix={`/ ${tally.applicable}`} styles={{ content: size }} />
        </Col>
      </Row>
    </Card>
  );
}

/**
 * 落实情况: one org's rules × periods for a year, overdue first, every cell opening the records it
 * counts; the units below with their completion; and the org's rule adjustments. The URL holds the
 * org, year and the open cell, which is what a reminder links to.
 */
export default function CompliancePage() {
  const screens = Grid.useBreakpoint();
  const phone = !(screens.md ?? true);
  const compactMatrix = !(screens.lg ?? true);
  const params = useComplianceParams();
  const { orgId, year, update } = params;
  const root = params.get('root') ?? orgId;
  const filter = (FILTERS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as MatrixFilter) : 'all';
  const ruleId = params.get('ruleId');
  const period = params.get('period');
  const ledger = useLedgerPack(params.packId);
  const scope = { orgId, packId: ledger.packId };
  const matrix = useMatrix(scope, year);
  const rollup = useRollup({ orgId: root, packId: ledger.packId }, year);
  const canOverride = useCan('rule.override');
  const dueSoonDays = useReminderDays();
  const [overrideSubject, setOverrideSubject] = useState<OverrideSubject | null>(null);
  const [overridesOpen, setOverridesOpen] = useState(false);

  if (ledger.error) return <QueryError error={ledger.error} onRetry={ledger.refetch} />;

  const data = matrix.data?.org.id === orgId && matrix.data.year === year ? matrix.data : undefined;
  const rows = data ? matrixRows(data.rules, filter) : [];
  const counts = data ? matrixCounts(data.rules) : null;
  const pickedRule = data && ruleId ? data.rules.find((r) => r.ruleId === ruleId) : undefined;
  const pickedCell = pickedRule && period ? pickedRule.cells.find((c) => c.period === period) : undefined;
  const pick: CellPick | null = pickedRule && pickedCell ? { rule: pickedRule, cell: pickedCell } : null;
  const missingPick = !!data && !!ruleId && !!period && !pick;
  const rollupItems = rollup.data ?? [];
  const own: RollupItem | undefined = rollupItems.find((i) => i.orgId === orgId);
  const rootItem = rollupItems.find((i) => i.orgId === root);

  const openCell = ({ rule, cell }: CellPick) => update({ ruleId: rule.ruleId, period: cell.period });
  const switchOrg = (next: string | undefined, keepRoot: boolean, view?: MatrixFilter) =>
    update({ orgId: next, root: keepRoot && next !== root ? root : undefined, ruleId: undefined, period: undefined, view }, true);
  const packRule = (id: string) => ledger.pack?.rules.find((r) => r.id === id);
  const overrideRow = (rule: MatrixRule) =>
    setOverrideSubject({
      ruleId: rule.ruleId, name: rule.name, basis: rule.basis, period: rule.period, min: rule.min,
      packEnabled: packRule(rule.ruleId)?.enabled ?? true, override: rule.override,
    });

  const filterSwitch = counts ? (
    <Segmented<MatrixFilter>
      size="small"
      value={filter}
      onChange={(view) => update({ view: view === 'all' ? undefined : view })}
      options={[
        { value: 'all', label: `全部要求 ${counts.all}` },
        { value: 'open', label: `未完成 ${counts.open}` },
        { value: 'overdue', label: `有逾期 ${counts.overdue}` },
      ]}
    />
  ) : null;

  const filterBar = (
    <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
      <OrgTreeSelect value={orgId} onChange={(next) => next && switchOrg(next, false)} style={{ width: phone ? '100%' : 260 }} placeholder="选择单位" />
      <DatePicker
        picker="year"
        value={dayjs(`${year}-01-01`)}
        onChange={(d) => d && update({ year: d.year(), ruleId: undefined, period: undefined })}
        allowClear={false}
        aria-label="年度"
        style={{ width: 120 }}
        format="YYYY年"
      />
      {ledger.packs.length > 1 ? (
        <Select
          value={ledger.packId}
          onChange={(packId: string) => update({ packId, ruleId: undefined, period: undefined })}
          options={ledger.packs.map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 220 }}
          aria-label="制度包"
        />
      ) : null}
    </Flex>
  );

  return (
    <>
      <PageHeader
        title="落实情况"
        description="各项制度要求在每个周期的完成情况：格子的颜色说明状态，数字是已记录次数，点击格子查看计入的台账记录。"
        extra={
          <>
            <Link to={`${CALENDAR_PATH}?orgId=${encodeURIComponent(root)}${params.packId ? `&packId=${params.packId}` : ''}`}>
              <Button icon={<CalendarOutlined />}>30天内到期</Button>
            </Link>
            <Button icon={<ControlOutlined />} onClick={() => setOverridesOpen(true)} disabled={!data}>
              要求调整
            </Button>
          </>
        }
      />
      {filterBar}
      {orgId !== root && rootItem ? (
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => switchOrg(root, false)} style={{ paddingInline: 0, marginBottom: 8 }}>
          返回{rootItem.orgName}
        </Button>
      ) : null}
      {own ? <OrgFigures tally={own} compact={phone} onView={(view) => update({ view })} /> : null}

      {matrix.error ? (
        <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : (
        <Card
          size="small"
          title={
            data ? (
              <span style={{ whiteSpace: 'normal' }}>
                {data.org.name} · {year}年
              </span>
            ) : (
              '加载中…'
            )
          }
          extra={phone ? null : filterSwitch}
          style={{ marginBottom: 16 }}
          styles={{ body: { paddingTop: 8 } }}
        >
          {phone ? <div style={{ marginBottom: 8 }}>{filterSwitch}</div> : null}
          <div style={{ marginBottom: 8 }}>
            <StatusLegend />
          </div>
          {missingPick ? (
            <Alert type="info" showIcon closable title="所指的要求或周期不在本单位本年度的落实情况中（可能已停用或不适用）。" style={{ marginBottom: 8 }} />
          ) : null}
          {!data ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : (
            <ComplianceMatrix
              matrix={data}
              rows={rows}
              selected={ruleId && period ? { ruleId, period } : null}
              onPick={openCell}
              onOverride={canOverride ? overrideRow : undefined}
              compact={compactMatrix}
              dueSoonDays={dueSoonDays}
              empty={
                data.rules.length === 0
                  ? `${data.org.name}（${ORG_KIND_LABELS[data.org.kind as keyof typeof ORG_KIND_LABELS] ?? data.org.kind}）没有适用的制度要求。`
                  : filter === 'overdue'
                    ? '没有已逾期的要求。'
                    : '没有未完成的要求，本年度到目前都已按时完成。'
              }
            />
          )}
        </Card>
      )}

      {rollupItems.length > 1 ? (
        <Card
          size="small"
          title={`${rootItem?.orgName ?? ''}及下级单位（${rollupItems.length}个）`}
          extra={<Typography.Text type="secondary">点击单位名称查看其落实情况</Typography.Text>}
        >
          <RollupTable items={rollupItems} currentOrgId={orgId} onPick={(id, overdue) => {
              switchOrg(id, true, overdue ? 'overdue' : undefined);
              window.scrollTo({ top: 0 });
            }} loading={rollup.isFetching} compact={phone} />
        </Card>
      ) : null}

      {data ? (
        <>
          <CellDrawer
            org={data.org}
            packId={data.packId}
            pack={ledger.pack}
            today={data.today}
            pick={pick}
            dueSoonDays={dueSoonDays}
            onClose={() => update({ ruleId: undefined, period: undefined })}
          />
          <OverrideModal org={data.org} packId={data.packId} subject={overrideSubject} onClose={() => setOverrideSubject(null)} />
          <OverridesDrawer
            open={overridesOpen}
            onClose={() => setOverridesOpen(false)}
            org={data.org}
            pack={ledger.pack}
            canEdit={canOverride}
            onEdit={setOverrideSubject}
          />
        </>
      ) : null}
    </>
  );
}
