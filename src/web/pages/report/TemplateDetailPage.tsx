import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { usePack } from '../ledger/api.ts';
import { deleteTemplate, TEMPLATES_KEY, useTemplate } from './api.ts';
import { KIND_LABELS, PERIOD_KIND_LABELS } from './labels.ts';
import { draftFromTemplatePath, TEMPLATES_PATH } from './paths.ts';
import { TemplateOutline } from './TemplateOutline.tsx';
import './report.css';

/** One template: what it is for, where it came from, and its outline with each slot in words. */
export default function TemplateDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canWrite = useCan('report.write');
  const template = useTemplate(id);
  const pack = usePack(template.data?.packId);
  const remove = useApiMutation(() => deleteTemplate(id), {
    invalidate: [TEMPLATES_KEY],
    success: '已删除模板',
    onSuccess: () => void navigate(TEMPLATES_PATH),
  });

  if (template.error) return <QueryError error={template.error} onRetry={() => void template.refetch()} />;
  if (!template.data) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const t = template.data;

  return (
    <>
      <Link to={TEMPLATES_PATH}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          返回模板列表
        </Button>
      </Link>
      <PageHeader
        title={t.name}
        description={t.description ?? undefined}
        extra={
          canWrite ? (
            <>
              <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate(draftFromTemplatePath(t.id))}>
                用此模板起草
              </Button>
              {t.source === 'stored' ? (
                <ConfirmButton confirm={`删除模板“${t.name}”？`} detail="已经起草的报告不受影响。" okText="删除" onConfirm={() => remove.mutateAsync().catch(() => {})}>
                  删除模板
                </ConfirmButton>
              ) : null}
            </>
          ) : null
        }
      />
      {t.unboundCount > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`模板中有${t.unboundCount}处占位符未绑定台账数据（黄色标出），每次起草后需在编辑器中补充。`}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="来源">{t.source === 'pack' ? '制度包自带' : `${t.orgName ?? ''}导入`}</Descriptions.Item>
          <Descriptions.Item label="类别">{KIND_LABELS[t.kind]}</Descriptions.Item>
          <Descriptions.Item label="适用周期">{PERIOD_KIND_LABELS[t.periodKind]}</Descriptions.Item>
          {t.sourceName ? <Descriptions.Item label="旧报告文件">{t.sourceName}</Descriptions.Item> : null}
          {t.createdAt ? <Descriptions.Item label="保存时间">{formatDateTime(t.createdAt)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card size="small" title="提纲和句子（【】中为起草时从台账填入的内容）">
        <TemplateOutline template={t.template} pack={pack.data} />
      </Card>
    </>
  );
}
