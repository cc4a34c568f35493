import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { deleteTemplate, type TemplateSummary, TEMPLATES_KEY, useTemplates } from './api.ts';
import { ImportTemplateDrawer } from './ImportTemplateDrawer.tsx';
import { KIND_LABELS, PERIOD_KIND_LABELS } from './labels.ts';
import { draftFromTemplatePath, templatePath } from './paths.ts';
import './report.css';

/**
 * 报告模板: the pack's templates and those imported from old reports within the user's scope; a clerk
 * imports an old report as a template, drafts from a template, deletes an imported one.
 */
export default function TemplatesPage() {
  const navigate = useNavigate();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const canWrite = useCan('report.write');
  const templates = useTemplates();
  const [importing, setImporting] = useState(false);
  const remove = useApiMutation((t: TemplateSummary) => deleteTemplate(t.id), { invalidate: [TEMPLATES_KEY], success: (_r, t) => `已删除模板“${t.name}”` });

  const columns: TableColumnsType<TemplateSummary> = [
    {
      title: '模板',
      key: 'name',
      render: (_, t) => (
        <div className="lz-report-title-cell">
          <Link to={templatePath(t.id)}>{t.name}</Link>
          <div className="lz-report-sub">
            {t.source === 'pack' ? '制度包自带' : `${t.orgName ?? ''}导入${t.sourceName ? `（${t.sourceName}）` : ''}${t.createdAt ? ` · ${formatDate(t.createdAt)}` : ''}`}
          </div>
        </div>
      ),
    },
    ...(phone
      ? []
      : [
          { title: '类别', key: 'kind', render: (_: unknown, t: TemplateSummary) => KIND_LABELS[t.kind] },
          { title: '适用周期', key: 'period', render: (_: unknown, t: TemplateSummary) => PERIOD_KIND_LABELS[t.periodKind] },
        ]),
    {
      title: '待补充',
      key: 'unbound',
      render: (_, t) => (t.unboundCount > 0 ? <Tag color="warning">{t.unboundCount}处占位符未绑定</Tag> : <Tag color="success">无</Tag>),
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, t: TemplateSummary) => (
              <Flex gap={4} wrap>
                <Button type="link" size="small" onClick={() => void navigate(draftFromTemplatePath(t.id))}>
                  起草报告
                </Button>
                {t.source === 'stored' ? (
                  <ConfirmButton
                    type="link"
                    size="small"
                    confirm={`删除模板“${t.name}”？`}
                    detail="已经起草的报告不受影响。"
                    okText="删除"
                    onConfirm={() => remove.mutateAsync(t).catch(() => {})}
                  >
                    删除
                  </ConfirmButton>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="报告模板"
        description="起草报告所用的模板：制度包自带的，和由往年旧报告导入的。旧报告中的 *次、**余篇 等占位符绑定台账指标后，起草时自动填入数字。"
        extra={
          canWrite ? (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入旧报告
            </Button>
          ) : null
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        {templates.error ? <Alert type="error" showIcon title={errorMessage(templates.error)} style={{ marginBottom: 12 }} /> : null}
        <Table
          rowKey="id"
          columns={columns}
          dataSource={templates.data ?? []}
          loading={templates.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Typography.Text type="secondary">还没有模板{canWrite ? '，点击“导入旧报告”把往年的报告变成模板' : ''}。</Typography.Text> }}
        />
      </Card>
      {canWrite ? <ImportTemplateDrawer open={importing} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
