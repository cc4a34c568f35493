import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Grid, List, Pagination, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { periodLabel } from '../../../core/compliance/period.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import { useCan } from '../../auth/session.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { recordPath } from '../ledger/ledgerNav.ts';
import { useCellRecords, type MatrixCell, type MatrixRule } from './api.ts';
import { OverrideTag } from './ComplianceMatrix.tsx';
import { dateInPeriod, ledgerListLink, ledgerListQuery, newRecordLink } from './links.ts';
import { cellSentence, daysLeftText, thresholdText, TONES, toneOf } from './status.ts';

const PAGE_SIZE = 20;

interface CellDrawerProps {
  org: { id: string; name: string };
  packId: string;
  pack: Pack | undefined;
  today: string;
  /** The rule and cell to show; null closes the drawer. */
  pick: { rule: MatrixRule; cell: MatrixCell } | null;
  onClose: () => void;
  dueSoonDays?: number;
}

/**
 * The records behind one cell, counted exactly as the status was (the rule's field filters too),
 * each linking to its page in the ledger; and the way to add the missing one.
 */
export function CellDrawer({ org, packId, pack, today, pick, onClose, dueSoonDays }: CellDrawerProps) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [page, setPage] = useState(1);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const key = pick ? `${pick.rule.ruleId}|${pick.cell.period}` : null;
  // Another cell starts at its first page.
  if (key !== shownKey) {
    setShownKey(key);
    setPage(1);
  }
  const canRead = useCan('ledger.read');
  const canWrite = useCan('ledger.write');
  const ref = pick ? { orgId: org.id, packId, ruleId: pick.rule.ruleId, period: pick.cell.period } : null;
  const records = useCellRecords(canRead ? ref : null, page, PAGE_SIZE);

  const rule = pick?.rule;
  const cell = pick?.cell;
  const type = rule ? pack?.recordTypes.find((t) => t.id === rule.recordType) : undefined;
  const tone = cell ? toneOf(cell, today, dueSoonDays) : null;
  // The ledger list filtered to this type, org and period: where "返回列表" goes from a record.
  const listTarget = rule && cell ? { packId, typeId: rule.recordType, orgId: org.id, subtree: false, from: cell.from, to: cell.to } : null;

  return (
    <Drawer
      open={!!pick}
      onClose={onClose}
      size={phone ? '100%' : 560}
      title={rule && cell ? `${rule.name}` : ''}
      destroyOnHidden
      extra={
        rule && cell && canWrite && cell.status !== 'not_applicable' && type ? (
          <Link to={newRecordLink({ packId, typeId: rule.recordType, orgId: org.id, occurredOn: dateInPeriod(cell, today) })}>
            <Button type="primary" icon={<PlusOutlined />}>
              补录台账
            </Button>
          </Link>
        ) : null
      }
    >
      {rule && cell && tone ? (
        <>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
            <Tag color={TONES[tone].tag} style={{ fontSize: 14, padding: '2px 10px' }}>
              {TONES[tone].label}
            </Tag>
            <Typography.Text strong>
              {org.name} · {periodLabel(cell.period)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph>{cellSentence(cell, rule.effectiveMin, today, dueSoonDays)}。</Typography.Paragraph>
          {canWrite && (cell.status === 'overdue' || cell.status === 'due') ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`补录时请把日期填在本周期内（${cell.from} 至 ${cell.to}），记录才会计入这一周期。`}
            />
          ) : null}
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="要求">{rule.enabled ? thresholdText(rule.period, rule.effectiveMin) : '本单位不适用'}</Descriptions.Item>
            <Descriptions.Item label="计入的台账">{type?.name ?? rule.recordType}</Descriptions.Item>
            <Descriptions.Item label="周期">
              {cell.from} 至 {cell.to}
              {cell.status === 'due' ? `（${daysLeftText(today, cell.to)}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="依据">{rule.basis}</Descriptions.Item>
            {rule.override ? (
              <Descriptions.Item label="本地调整">
                <OverrideTag override={rule.override} rule={rule} orgId={org.id} />
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              计入的记录{records.data ? `（${records.data.total}条）` : ''}
            </Typography.Title>
            {canRead && listTarget ? (
              <Link to={ledgerListLink(listTarget)}>
                <Button size="small" icon={<FileSearchOutlined />}>
                  在台账中查看
                </Button>
              </Link>
            ) : null}
          </Flex>
          {!canRead ? (
            <Alert type="info" showIcon title="您没有查看台账的权限，无法列出记录。" />
          ) : records.error ? (
            <Alert type="error" showIcon title={errorMessage(records.error)} />
          ) : (
            <List
              loading={records.isFetching}
              dataSource={records.data?.items ?? []}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      cell.status === 'not_applicable'
                        ? '本单位不适用此要求，无需记录。'
                        : canWrite
                          ? '这一周期还没有计入的记录。开展工作后点击右上角“补录台账”登记，并上传佐证材料。'
                          : '这一周期还没有计入的记录，请提醒党务工作人员或联络员及时登记。'
                    }
                  />
                ),
              }}
              renderItem={(record) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Link to={recordPath(record.id)} state={{ from: listTarget ? ledgerListQuery(listTarget) : '' }} style={{ color: 'var(--ant-color-link)' }}>
                        {record.title}
                      </Link>
                    }
                    description={`${record.occurredOn} · ${record.orgName}`}
                  />
                </List.Item>
              )}
            />
          )}
          {records.data && records.data.total > PAGE_SIZE ? (
            <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={records.data.total} onChange={setPage} style={{ marginTop: 12 }} showSizeChanger={false} />
          ) : null}
          {rule.recordType && cell.status !== 'not_applicable' && rule.cells.length > 0 ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
              只计入本单位自己的记录（下级单位的记录计入下级单位）；记录的日期须在本周期内。
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
