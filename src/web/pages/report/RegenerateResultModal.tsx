import { Alert, Button, List, Modal, Table, Tag, Typography } from 'antd';
import type { RegenerateResult } from './api.ts';
import { changeLines, displayBlocks, keptEdits } from './documentView.ts';

/** What a regeneration did: the figures that changed (old → new), and the user's edited paragraphs it kept. */
export function RegenerateResultModal({ result, onClose }: { result: RegenerateResult | null; onClose: () => void }) {
  const lines = result ? changeLines(result.changes) : [];
  const kept = result ? keptEdits(displayBlocks(result.report.document)) : [];
  const staleCount = kept.filter((b) => b.stale).length;
  return (
    <Modal
      open={!!result}
      title="已按最新台账重新生成"
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          知道了
        </Button>
      }
      width={720}
    >
      {lines.length === 0 ? (
        <Alert type="success" showIcon title="台账中的数字没有变化，报告内容与上一版相同。" style={{ marginBottom: 16 }} />
      ) : (
        <>
          <Typography.Paragraph>有{lines.length}处数字或清单发生了变化：</Typography.Paragraph>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={lines}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '名称', dataIndex: 'label', key: 'label' },
              { title: '原来', dataIndex: 'before', key: 'before' },
              { title: '现在', dataIndex: 'after', key: 'after', render: (after: string) => <Typography.Text strong>{after}</Typography.Text> },
              {
                title: '',
                key: 'edited',
                render: (_, line) => (line.edited ? <Tag color="orange">所在段落已改写，新数字未写入，请核对</Tag> : null),
              },
            ]}
          />
        </>
      )}
      {kept.length > 0 ? (
        <>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            您改写过的{kept.length}段已原样保留{staleCount > 0 ? `，其中${staleCount}段的数字有变化，已标为“需核对”` : ''}：
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={kept}
            renderItem={(b) => (
              <List.Item>
                <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                  {b.marker}
                  {b.editHeading ? `${b.editHeading}${b.joiner}` : ''}
                  {b.editText}
                </Typography.Text>
                {b.stale ? <Tag color="orange">需核对</Tag> : null}
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Modal>
  );
}
