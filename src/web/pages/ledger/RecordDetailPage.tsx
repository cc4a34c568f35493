import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EvidenceGallery } from '../../components/evidence/EvidenceGallery.tsx';
import type { AttachmentRef } from '../../components/evidence/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { deleteRecord, RECORD_CHANGE_INVALIDATES, restoreRecord, usePack, useRecord } from './api.ts';
import { dateLabelOf, titleLabelOf } from './fieldForm.ts';
import { FieldValueView } from './FieldValueView.tsx';
import { recordPath, useListReturn } from './ledgerNav.ts';
import { findType } from './packTypes.ts';
import './ledger.css';

const asFiles = (value: unknown): AttachmentRef[] =>
  [value ?? []].flat().filter((v): v is AttachmentRef => v !== null && typeof v === 'object' && 'mime' in v);

/** One record: every field rendered by its type, the evidence to look at, who entered it and when, and the actions the user may take. */
export default function RecordDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const back = useListReturn();
  const canWrite = useCan('ledger.write');
  const record = useRecord(id);
  const pack = usePack(record.data?.packId);
  const remove = useApiMutation(() => deleteRecord(id!), { invalidate: RECORD_CHANGE_INVALIDATES, success: '已删除，可在此页或列表中恢复' });
  const restore = useApiMutation(() => restoreRecord(id!), { invalidate: RECORD_CHANGE_INVALIDATES, success: '已恢复' });

  if (record.error) return <QueryError error={record.error} onRetry={() => void record.refetch()} />;
  const data = record.data;
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const type = findType(pack.data, data.typeId);
  const defs = type?.fields ?? [];
  // Fields the type no longer defines are still shown, under their id.
  const extra = Object.keys(data.fields).filter((key) => !defs.some((d) => d.id === key));
  const plain = defs.filter((d) => d.type !== 'attachments');
  const evidence = defs.filter((d) => d.type === 'attachments').map((def) => ({ label: def.label, files: asFiles(data.fields[def.id]) }));
  const evidenceTotal = evidence.reduce((n, e) => n + e.files.length, 0);

  const actions = (
    <>
      <Link to={back.to}>
        <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
      </Link>
      {canWrite && !data.deleted ? (
        <>
          <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(recordPath(data.id, '/edit'), { state: back.state })} disabled={!type}>
            编辑
          </Button>
          <ConfirmButton
            icon={<DeleteOutlined />}
            confirm={`删除“${data.title}”？`}
            detail="删除后不再计入统计和报告；删除记录会保留，可随时恢复。"
            okText="删除"
            onConfirm={() => remove.mutateAsync()}
          >
            删除
          </ConfirmButton>
        </>
      ) : null}
      {canWrite && data.deleted ? (
        <Button type="primary" icon={<UndoOutlined />} loading={restore.isPending} onClick={() => restore.mutate()}>
          恢复
        </Button>
      ) : null}
    </>
  );

  return (
    <>
      <PageHeader title={data.title} description={`${data.typeName} · ${data.orgName} · ${data.occurredOn}`} extra={actions} />
      {data.deleted ? (
        <Alert
          type="warning"
          showIcon
          title={`该记录已于 ${formatDateTime(data.deletedAt)} 删除，不计入统计和报告。`}
          description={canWrite ? '如系误删，点击“恢复”即可。' : undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex vertical gap={16}>
        <Card title="记录内容" size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              { key: 'type', label: '台账类型', children: data.typeName },
              { key: 'org', label: '所属组织', children: data.orgName },
              { key: 'title', label: type ? titleLabelOf(type) : '标题', children: data.title, span: 'filled' },
              { key: 'date', label: type ? dateLabelOf(type) : '日期', children: data.occurredOn },
              ...plain.map((def) => ({
                key: def.id,
                label: def.label,
                children: <FieldValueView def={def} value={data.fields[def.id]} />,
                span: def.type === 'longtext' || def.multiple ? ('filled' as const) : undefined,
              })),
              ...extra.map((key) => ({ key, label: key, children: <FieldValueView def={undefined} value={data.fields[key]} /> })),
            ]}
          />
        </Card>
        <Card title={`佐证材料（${evidenceTotal}）`} size="small">
          {evidence.length === 0 ? (
            <Typography.Text type="secondary">此类台账不需要上传佐证材料。</Typography.Text>
          ) : evidenceTotal === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canWrite && !data.deleted ? '还没有上传佐证材料，点击“编辑”上传会议纪要、签到表、照片等。' : '还没有上传佐证材料。'} />
          ) : (
            <Flex vertical gap={16}>
              {evidence
                .filter((e) => e.files.length > 0)
                .map((e) => (
                  <div key={e.label}>
                    <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
                      {e.label}（{e.files.length}）
                    </Typography.Text>
                    <EvidenceGallery files={e.files} />
                  </div>
                ))}
            </Flex>
          )}
        </Card>
        <Card title="录入信息" size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 3 }}
            items={[
              { key: 'by', label: '录入人', children: data.createdBy ?? '—' },
              { key: 'at', label: '录入时间', children: formatDateTime(data.createdAt) },
              { key: 'updated', label: '最后修改', children: formatDateTime(data.updatedAt) },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
