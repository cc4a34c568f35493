import { Alert, Descriptions, Drawer, Empty, Grid, List, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../http/formErrors.ts';
import { recordPath } from '../ledger/ledgerNav.ts';
import { type Provenance, useProvenanceRecords } from './api.ts';
import { PROVENANCE_KINDS } from './labels.ts';

const PAGE_SIZE = 20;

interface ProvenanceDrawerProps {
  reportId: string;
  /** The version shown, when it is not the current one. */
  version?: number;
  /** The figure or list clicked; null closes the drawer. */
  runId: string | null;
  provenance: Record<string, Provenance>;
  onClose: () => void;
}

/** The records a figure or list of the report counts, each linking to its page in the ledger. */
export function ProvenanceDrawer({ reportId, version, runId, provenance, onClose }: ProvenanceDrawerProps) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState<string | null>(null);
  // Another figure starts at its first page.
  if (runId !== shown) {
    setShown(runId);
    setPage(1);
  }
  const records = useProvenanceRecords(reportId, runId, version, page, PAGE_SIZE);
  const p = runId ? provenance[runId] : undefined;

  return (
    <Drawer open={!!runId} onClose={onClose} size={phone ? '100%' : 520} title={p ? p.label : '数字来源'} destroyOnHidden>
      {p ? (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="文中写作">
              <Typography.Text strong>{p.value}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="类别">{PROVENANCE_KINDS[p.kind]}</Descriptions.Item>
            <Descriptions.Item label="依据">{p.recordCount}条台账记录</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>依据的台账记录{records.data ? `（${records.data.total}条）` : ''}</Typography.Title>
          {records.error ? (
            <Alert type="error" showIcon title={errorMessage(records.error)} />
          ) : (
            <List
              loading={records.isFetching}
              dataSource={records.data?.items ?? []}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这一项不依据具体的台账记录（如规则的落实情况或计划条目为空）。" />,
              }}
              renderItem={(record) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Link to={recordPath(record.id)} style={{ color: 'var(--ant-color-link)' }}>
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
            <Pagination size="small" current={page} pageSize={PAGE_SIZE} total={records.data.total} onChange={setPage} showSizeChanger={false} style={{ marginTop: 12 }} />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            数字按报告期内报告单位及其下级的台账记录统计；台账改动后，点击“按最新台账重新生成”更新数字。
          </Typography.Paragraph>
        </>
      ) : null}
    </Drawer>
  );
}
