import { TableOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Flex, Grid, Segmented, Select, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { periodLabel } from '../../../core/compliance/period.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLedgerPack } from '../ledger/useLedgerPack.ts';
import { useCalendar, useReminderDays, type CalendarItem } from './api.ts';
import { dayHeading, groupCalendar, type CalendarDay } from './calendarGroups.ts';
import { useComplianceParams } from './filters.ts';
import { cellLink, matrixLink } from './links.ts';
import { ReminderSettingsButton } from './ReminderSettingsButton.tsx';
import { daysLeftText, DUE_SOON_DAYS, TONES, toneOf } from './status.ts';
import './compliance.css';

const SPANS = [7, 30, 90] as const;

function DueItem({ item, today, root, packId, soonDays }: { item: CalendarItem; today: string; root: string; packId?: string; soonDays: number }) {
  const tone = TONES[toneOf(item, today, soonDays)];
  return (
    <div className="lz-due-item">
      <div className="lz-due-rule">
        <Link to={cellLink({ orgId: item.orgId, packId, root: item.orgId === root ? undefined : root, ruleId: item.ruleId, period: item.period })}>{item.ruleName}</Link>
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
          {periodLabel(item.period)} · 已记录 {item.count}/{item.effectiveMin} 次
        </div>
        {item.override ? (
          <Tooltip title={`理由：${item.override.reason}`}>
            <Tag color="gold" style={{ marginTop: 2 }}>
              {item.override.orgId === item.orgId ? '本单位' : item.override.orgName}调整：至少{item.effectiveMin}次
            </Tag>
          </Tooltip>
        ) : null}
      </div>
      <Tag color={tone.tag}>{tone.label}</Tag>
    </div>
  );
}

function DaySection({ day, today, root, packId, soonDays }: { day: CalendarDay; today: string; root: string; packId?: string; soonDays: number }) {
  const soon = day.daysLeft <= soonDays;
  // A short day opens its units; a long one (31 December) shows the units and counts first.
  const openAll = day.units.length <= 3 && day.total <= 12;
  return (
    <section className="lz-day" aria-label={dayHeading(day.date)}>
      <div className="lz-day-head">
        <span className="lz-day-date" style={{ color: soon ? TONES.due_soon.color : undefined }}>
          {dayHeading(day.date)}
        </span>
        <Tag color={soon ? 'warning' : 'default'}>{daysLeftText(today, day.date)}</Tag>
        <Typography.Text type="secondary">
          {day.units.length}个单位 · {day.total}项未完成{day.running < day.total ? `（其中${day.total - day.running}项尚未开始）` : ''}
        </Typography.Text>
      </div>
      <Collapse
        size="small"
        defaultActiveKey={openAll ? day.units.map((u) => u.orgId) : []}
        items={day.units.map((unit) => ({
          key: unit.orgId,
          // The header names the requirements too, so a closed unit still says what is due.
          label: (
            <Flex justify="space-between" gap={8}>
              <span style={{ flex: 'none' }}>{unit.orgName}</span>
              <Typography.Text type="secondary" ellipsis style={{ flex: 1, minWidth: 0, textAlign: 'end' }}>
                {unit.items.length}项：{unit.items.map((i) => i.ruleName).join('、')}
              </Typography.Text>
            </Flex>
          ),
          children: (
            <>
              {unit.items.map((item) => (
                <DueItem key={`${item.ruleId}|${item.period}`} item={item} today={today} root={root} packId={packId} soonDays={soonDays} />
              ))}
              <Link to={matrixLink({ orgId: unit.orgId, packId, root: unit.orgId === root ? undefined : root })} style={{ fontSize: 12 }}>
                {unit.orgName}全年落实情况 ›
              </Link>
            </>
          ),
        }))}
      />
    </section>
  );
}

/**
 * What falls due in the next days and is not yet met, for the org and every unit below it, by day:
 * the clerk's to-do list, and the leader's view of what is about to be missed. Each item opens its
 * cell in the matrix, where the records are and where the missing one is added.
 */
export default function CalendarPage() {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const params = useComplianceParams();
  const { orgId, update } = params;
  const days = Number(params.get('days')) || 30;
  const ledger = useLedgerPack(params.packId);
  const calendar = useCalendar({ orgId, packId: ledger.packId }, days);
  const reminderDays = useReminderDays();
  const soonDays = reminderDays ?? DUE_SOON_DAYS;

  if (ledger.error) return <QueryError error={ledger.error} onRetry={ledger.refetch} />;
  const data = calendar.data;
  const groups = data ? groupCalendar(data.items) : [];
  const soon = groups.filter((g) => g.daysLeft <= soonDays).reduce((n, g) => n + g.total, 0);

  return (
    <>
      <PageHeader
        title="到期日历"
        description="未来一段时间内到期、尚未完成的要求（本单位及下级单位），按到期日排列。点击要求查看记录或补录。"
        extra={
          <>
            <ReminderSettingsButton current={reminderDays} />
            <Link to={matrixLink({ orgId, packId: params.packId })}>
              <Button icon={<TableOutlined />}>落实情况</Button>
            </Link>
          </>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <OrgTreeSelect value={orgId} onChange={(next) => next && update({ orgId: next }, true)} style={{ width: phone ? '100%' : 260 }} />
        <Segmented<number>
          value={(SPANS as readonly number[]).includes(days) ? days : 30}
          onChange={(next) => update({ days: next === 30 ? undefined : next })}
          options={SPANS.map((n) => ({ value: n, label: `${n}天内` }))}
        />
        {ledger.packs.length > 1 ? (
          <Select
            value={ledger.packId}
            onChange={(packId: string) => update({ packId })}
            options={ledger.packs.map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: 220 }}
            aria-label="制度包"
          />
        ) : null}
      </Flex>
      {calendar.error ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : groups.length === 0 ? (
        <Card>
          <Empty description={`未来${data.days}天内没有到期未完成的要求。已完成的要求不在此列出。`} />
        </Card>
      ) : (
        <>
          <Alert
            type={soon > 0 ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={`未来${data.days}天内共有${data.items.length}项要求到期未完成${soon > 0 ? `，其中${soon}项${soonDays}天内到期` : ''}。`}
          />
          {groups.map((day) => (
            <DaySection key={day.date} day={day} today={data.today} root={orgId} packId={params.packId} soonDays={soonDays} />
          ))}
        </>
      )}
    </>
  );
}
