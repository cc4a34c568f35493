import { useQueries } from '@tanstack/react-query';
import { Alert, Drawer, Empty, Grid, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { periodLabel } from '../../../core/compliance/period.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { COMPLIANCE_KEY, fetchMatrix } from './api.ts';
import { cellLink, matrixLink } from './links.ts';

/** At most this many units' matrices are fetched for one drill-down (the worst first). */
export const OVERDUE_UNIT_LIMIT = 30;

export interface OverdueUnit {
  orgId: string;
  orgName: string;
  /** Overdue cells of the unit (own records), from the dashboard or rollup. */
  overdue: number;
}

interface OverdueDrawerProps {
  open: boolean;
  onClose: () => void;
  /** The org the figures are about: links open its units' matrices with it as the rollup's top. */
  rootId: string;
  packId: string;
  year: number;
  units: OverdueUnit[];
  /** Only this rule's overdue periods (a bar of "overdue by rule"); all rules when absent. */
  rule?: { ruleId: string; name: string } | null;
}

/**
 * Behind an overdue count: which unit missed which requirement in which period, each opening its
 * matrix cell (with the records, and 补录台账). The server has no list of a rule's cells across a
 * subtree, so this reads the matrices of the units that have anything overdue, worst first.
 */
export function OverdueDrawer({ open, onClose, rootId, packId, year, units, rule }: OverdueDrawerProps) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const candidates = [...units].filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, OVERDUE_UNIT_LIMIT);
  const left = units.filter((u) => u.overdue > 0).length - candidates.length;
  const matrices = useQueries({
    queries: candidates.map((u) => ({
      queryKey: [...COMPLIANCE_KEY, 'matrix', u.orgId, packId, year],
      queryFn: () => fetchMatrix(u.orgId, packId, year),
      enabled: open,
    })),
  });
  const pending = open && matrices.some((m) => m.isPending);
  const failed = matrices.find((m) => m.error)?.error;
  const rows = matrices.flatMap((m) => {
    const data = m.data;
    if (!data) return [];
    return data.rules
      .filter((r) => !rule || r.ruleId === rule.ruleId)
      .flatMap((r) => r.cells.filter((c) => c.status === 'overdue').map((c) => ({ org: data.org, rule: r, cell: c })));
  });

  return (
    <Drawer open={open} onClose={onClose} size={phone ? '100%' : 560} title={rule ? `已逾期：${rule.name}` : `${year}年已逾期的要求`} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        按单位列出周期已结束、记录次数仍未达到要求的事项。点击查看该单位这一周期计入的记录，或补录台账。
      </Typography.Paragraph>
      {failed ? <Alert type="error" showIcon title={errorMessage(failed)} style={{ marginBottom: 12 }} /> : null}
      {pending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : rows.length === 0 ? (
        <Empty description="没有已逾期的事项。" />
      ) : (
        <List
          dataSource={rows}
          renderItem={({ org, rule: r, cell }) => (
            <List.Item
              extra={
                <Tag color="error" style={{ marginInlineEnd: 0 }}>
                  {cell.count}/{r.effectiveMin}次
                </Tag>
              }
            >
              <List.Item.Meta
                title={
                  <Link to={cellLink({ orgId: org.id, root: org.id === rootId ? undefined : rootId, packId, year, ruleId: r.ruleId, period: cell.period })}>
                    {rule ? org.name : `${org.name}：${r.name}`}
                  </Link>
                }
                description={`${periodLabel(cell.period)}，${cell.to}到期`}
              />
            </List.Item>
          )}
        />
      )}
      {left > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          另有{left}个单位有逾期事项，请在<Link to={matrixLink({ orgId: rootId, packId, year })}>落实情况</Link>的下级单位列表中查看。
        </Typography.Paragraph>
      ) : null}
    </Drawer>
  );
}
