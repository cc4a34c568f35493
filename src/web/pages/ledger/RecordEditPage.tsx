import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Result } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isIsoDate } from '../../../core/ledger/dates.ts';
import { useCurrentUser } from '../../auth/session.ts';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { useOrgList } from '../../http/orgs.ts';
import { createRecord, RECORD_CHANGE_INVALIDATES, updateRecord, usePack, useRecord } from './api.ts';
import { DATE_FORMAT, newFormValues, recordToFormValues, toRecordInput, type RecordFormValues } from './fieldForm.ts';
import { recordPath, useListReturn } from './ledgerNav.ts';
import { findType, keptBy, typesForOrgs } from './packTypes.ts';
import { RecordForm } from './RecordForm.tsx';
import { TypePicker } from './TypePicker.tsx';
import { useLedgerPack } from './useLedgerPack.ts';
import './ledger.css';

/** Phones need the width for the inputs. */
const FORM_PADDING = 'clamp(12px, 3vw, 24px)';

/** "ledger/new" (type picker, then the form) and "ledger/:id/edit": a page, since long forms need the room on phones. */
export default function RecordEditPage() {
  const { id } = useParams();
  return id ? <EditRecord id={id} /> : <NewRecord />;
}

function NewRecord() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const back = useListReturn();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const ledger = useLedgerPack(search.get('packId') ?? undefined);
  const orgs = useOrgList();
  const [form] = Form.useForm<RecordFormValues>();
  const types = useMemo(() => typesForOrgs(ledger.pack?.recordTypes ?? [], orgs.data?.items ?? []), [ledger.pack, orgs.data]);
  const type = findType(ledger.pack, search.get('typeId') ?? undefined);
  const initialValues = useMemo(() => {
    if (!type) return undefined;
    const candidates = [search.get('orgId'), user.orgId];
    const org = candidates.map((orgId) => orgs.data?.items.find((o) => o.id === orgId)).find((o) => o && o.active && keptBy(type, o));
    // A date in the URL (补录 from a compliance cell: a day inside its period); else today.
    const occurredOn = search.get('occurredOn');
    return newFormValues(type, org?.id, occurredOn && isIsoDate(occurredOn) ? dayjs(occurredOn, DATE_FORMAT) : undefined);
  }, [type, search, user.orgId, orgs.data]);

  const create = useApiMutation(
    ({ values }: { values: RecordFormValues; another: boolean }) => createRecord({ packId: ledger.packId!, typeId: type!.id, ...toRecordInput(type!, values) }),
    {
      form,
      invalidate: RECORD_CHANGE_INVALIDATES,
      onSuccess: (record, { another }) => {
        if (another) {
          void message.success(`已保存“${record.title}”，请继续填写下一条`);
          form.resetFields();
          form.setFieldsValue({ orgId: record.orgId });
          window.scrollTo({ top: 0 });
          return;
        }
        void message.success(`已保存“${record.title}”`);
        void navigate(recordPath(record.id), { replace: true, state: back.state });
      },
    },
  );

  if (ledger.error || orgs.error) return <QueryError error={ledger.error ?? orgs.error} onRetry={ledger.refetch} />;
  if (ledger.isPending || orgs.isPending) return <FullPageSpin />;

  const pickType = (typeId: string | undefined) => {
    const next = new URLSearchParams(search);
    if (typeId) next.set('typeId', typeId);
    else next.delete('typeId');
    setSearch(next, { state: back.state });
  };
  const backButton = (
    <Link to={back.to}>
      <Button icon={<ArrowLeftOutlined />}>返回列表</Button>
    </Link>
  );

  if (!type) {
    const unknown = search.get('typeId');
    return (
      <>
        <PageHeader title="新增台账记录" description="选择要记录的台账类型。类型按工作类别分组，也可以直接搜索。" extra={backButton} />
        {unknown ? <Alert type="warning" showIcon title={`没有台账类型“${unknown}”，请重新选择`} style={{ marginBottom: 16 }} /> : null}
        {types.length === 0 ? (
          <Result status="info" title="没有可记录的台账类型" subTitle="您管辖范围内的组织都不记录本制度包中的台账类型。" />
        ) : (
          <TypePicker types={types} onPick={pickType} />
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={`新增：${type.name}`}
        description={type.description}
        extra={
          <>
            <Button icon={<SwapOutlined />} onClick={() => pickType(undefined)}>
              更换类型
            </Button>
            {backButton}
          </>
        }
      />
      <Card style={{ maxWidth: 960 }} styles={{ body: { padding: FORM_PADDING } }}>
        <RecordForm
          key={type.id}
          form={form}
          type={type}
          initialValues={initialValues!}
          saving={create.isPending}
          onSubmit={(values, another) => create.mutate({ values, another })}
          onCancel={() => void navigate(back.to)}
          offerAnother
        />
      </Card>
    </>
  );
}

function EditRecord({ id }: { id: string }) {
  const navigate = useNavigate();
  const back = useListReturn();
  const record = useRecord(id);
  const pack = usePack(record.data?.packId);
  const [form] = Form.useForm<RecordFormValues>();
  const type = findType(pack.data, record.data?.typeId);
  const initialValues = useMemo(() => (type && record.data ? recordToFormValues(type, record.data) : undefined), [type, record.data]);
  const detail = { pathname: recordPath(id), state: back.state };
  const save = useApiMutation((values: RecordFormValues) => updateRecord(id, toRecordInput(type!, values)), {
    form,
    invalidate: RECORD_CHANGE_INVALIDATES,
    success: (saved) => `已保存“${saved.title}”`,
    onSuccess: () => void navigate(detail.pathname, { replace: true, state: detail.state }),
  });

  if (record.error || pack.error) return <QueryError error={record.error ?? pack.error} onRetry={() => void record.refetch()} />;
  if (!record.data || !pack.data) return <FullPageSpin />;
  if (!type || !initialValues) {
    return <Result status="warning" title="无法编辑" subTitle={`制度包中已没有台账类型“${record.data.typeName}”，该记录只能查看。`} />;
  }

  return (
    <>
      <PageHeader
        title={`编辑：${record.data.title}`}
        description={type.name}
        extra={
          <Link to={detail.pathname} state={detail.state}>
            <Button icon={<ArrowLeftOutlined />}>返回详情</Button>
          </Link>
        }
      />
      {record.data.deleted ? (
        <Alert type="warning" showIcon title="该记录已删除，请先在详情页恢复后再修改。" />
      ) : (
        <Card style={{ maxWidth: 960 }} styles={{ body: { padding: FORM_PADDING } }}>
          <RecordForm
            form={form}
            type={type}
            record={record.data}
            initialValues={initialValues}
            saving={save.isPending}
            onSubmit={(values) => save.mutate(values)}
            onCancel={() => void navigate(detail.pathname, { state: detail.state })}
          />
        </Card>
      )}
    </>
  );
}
