import { Button, Progress, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { RollupItem } from './api.ts';
import { percentText, rateColor } from './status.ts';

interface RollupTableProps {
  items: RollupItem[];
  /** The org the matrix shows: highlighted. */
  currentOrgId: string;
  /** Shows a unit's matrix; `overdue` narrows it to the rules with something overdue. */
  onPick: (orgId: string, overdue?: boolean) => void;
  loading: boolean;
  compact: boolean;
}

/** A rate as a bar in the unit's colour band; a dash where nothing is owed yet. */
export function RateBar({ rate, width = 120 }: { rate: number | null; width?: number }) {
  if (rate === null) return <Typography.Text type="secondary">无应完成项</Typography.Text>;
  return (
    <Progress
      percent={Math.round(rate * 1000) / 10}
      strokeColor={rateColor(rate)}
      size="small"
      format={() => percentText(rate)}
      style={{ minWidth: width, margin: 0 }}
    />
  );
}

const byRate = (a: { rate: number | null }, b: { rate: number | null }) => (a.rate ?? 2) - (b.rate ?? 2);

/**
 * Every unit of the subtree with its own completion (each unit answers for itself) and, for units
 * with units below them, the subtree's. Tree order by default; sortable by rate and overdue count.
 * A unit's name switches the matrix to it.
 */
export function RollupTable({ items, currentOrgId, onPick, loading, compact }: RollupTableProps) {
  const hasChildren = new Set(items.map((i) => i.parentId).filter((id): id is string => !!id));
  const columns: TableColumnsType<RollupItem> = [
    {
      title: '单位',
      key: 'org',
      render: (_, item) => (
        <div style={{ paddingInlineStart: Math.min(item.depth, 6) * (compact ? 10 : 16) }}>
          <Button type="link" className="lz-unit-name" onClick={() => onPick(item.orgId)} aria-label={`查看${item.orgName}的落实情况`}>
            {item.orgName}
          </Button>
        </div>
      ),
    },
    {
      title: '完成率',
      key: 'rate',
      sorter: byRate,
      render: (_, item) => <RateBar rate={item.rate} width={compact ? 90 : 120} />,
    },
    {
      title: '已逾期',
      key: 'overdue',
      dataIndex: 'overdue',
      align: 'right',
      sorter: (a, b) => a.overdue - b.overdue,
      render: (n: number, item) =>
        n > 0 ? (
          <Button type="link" danger size="small" onClick={() => onPick(item.orgId, true)} aria-label={`${item.orgName}逾期${n}项，查看`} style={{ fontWeight: 600, paddingInline: 4 }}>
            {n}
          </Button>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
  ];
  if (!compact) {
    columns.push(
      {
        title: <Tooltip title="已完成 / 应完成（已完成 + 进行中 + 已逾期）">已完成/应完成</Tooltip>,
        key: 'met',
        align: 'right',
        sorter: (a, b) => a.met - b.met,
        render: (_, item) => `${item.met} / ${item.applicable}`,
      },
      { title: '进行中', key: 'due', dataIndex: 'due', align: 'right', sorter: (a, b) => a.due - b.due },
      {
        title: <Tooltip title="本单位及全部下级单位合计">含下级完成率</Tooltip>,
        key: 'subtree',
        sorter: (a, b) => byRate(a.subtree, b.subtree),
        render: (_, item) => (hasChildren.has(item.orgId) ? <RateBar rate={item.subtree.rate} /> : <Typography.Text type="secondary">—</Typography.Text>),
      },
    );
  }
  return (
    <Table<RollupItem>
      rowKey="orgId"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      rowClassName={(item) => (item.orgId === currentOrgId ? 'lz-unit-current' : '')}
      scroll={{ x: 'max-content' }}
      showSorterTooltip={false}
    />
  );
}
