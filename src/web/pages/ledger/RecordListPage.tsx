import { DownloadOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, DatePicker, Flex, Grid, Input, Row, Select, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useCan } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ServerTable } from '../../components/ServerTable.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { useListParams } from '../../components/useListParams.ts';
import { download } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { useOrgList } from '../../http/orgs.ts';
import { EXCEL_PATHS, RECORD_CHANGE_INVALIDATES, restoreRecord, useRecords, type LedgerRecord } from './api.ts';
import { DATE_FORMAT, evidenceCount } from './fieldForm.ts';
import { recordPath, type FromList } from './ledgerNav.ts';
import { findType, typeOptions, typesForOrgs } from './packTypes.ts';
import { RecordImportModal } from './RecordImportModal.tsx';
import { TypeNav } from './TypeNav.tsx';
import { useLedgerPack } from './useLedgerPack.ts';
import './ledger.css';

const FILTERS = ['packId', 'typeId', 'orgId', 'subtree', 'from', 'to', 'q', 'deleted', 'import'] as const;

export const EMPTY_LEDGER_HINT = '还没有台账记录，点击“新增记录”或“Excel导入”';

/**
 * Every record in the user's scope: a type navigator by category (a select on phones), filters for
 * org subtree, date range and text, a server-sorted and paged table, Excel in and out. Every filter
 * is in the URL, so back, reload and a shared link show the same list.
 */
export default function RecordListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { search } = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const phone = !(screens.md ?? true);
  const [moreFilters, setMoreFilters] = useState(false);
  const canWrite = useCan('ledger.write');
  const { params, filters, setFilters, setPaging } = useListParams(FILTERS, { sort: 'occurredOn', order: 'desc' });
  const ledger = useLedgerPack(filters.packId);
  const orgs = useOrgList();
  const type = findType(ledger.pack, filters.typeId);
  const showDeleted = filters.deleted === '1';
  const listFilters = {
    packId: ledger.packId,
    typeId: filters.typeId,
    orgId: filters.orgId,
    subtree: filters.orgId ? (filters.subtree ?? 'true') : undefined,
    from: filters.from,
    to: filters.to,
    q: filters.q,
    includeDeleted: showDeleted ? 'true' : undefined,
  };
  const records = useRecords({ ...listFilters, page: params.page, pageSize: params.pageSize, sort: params.sort, order: params.order });
  const restore = useApiMutation((record: LedgerRecord) => restoreRecord(record.id), {
    invalidate: RECORD_CHANGE_INVALIDATES,
    success: (_r, record) => `已恢复“${record.title}”`,
  });
  const writableTypes = useMemo(() => typesForOrgs(ledger.pack?.recordTypes ?? [], orgs.data?.items ?? []), [ledger.pack, orgs.data]);

  if (ledger.error) return <QueryError error={ledger.error} onRetry={ledger.refetch} />;

  const fromList: FromList = { from: search };
  const addNew = () => {
    const query = new URLSearchParams();
    if (filters.packId) query.set('packId', filters.packId);
    if (type && writableTypes.includes(type)) query.set('typeId', type.id);
    if (filters.orgId) query.set('orgId', filters.orgId);
    const text = query.toString();
    void navigate(`/ledger/new${text ? `?${text}` : ''}`, { state: fromList });
  };
  const exportList = () =>
    void download(EXCEL_PATHS.export, { ...listFilters, sort: params.sort, order: params.order }, `${type?.name ?? '台账记录'}.xlsx`).catch(
      (error: unknown) => void message.error(errorMessage(error)),
    );

  const titleCell = (record: LedgerRecord, details: string | null) => (
    <div className="lz-title-cell">
      <Link to={recordPath(record.id)} state={fromList} className={record.deleted ? 'lz-deleted' : undefined}>
        {record.title}
      </Link>
      {record.deleted ? (
        <Tag color="default" style={{ marginInlineStart: 6 }}>
          已删除
        </Tag>
      ) : null}
      {details ? <div className="lz-title-type">{details}</div> : null}
    </div>
  );
  const evidenceColumn: TableColumnsType<LedgerRecord>[number] = {
    title: '佐证',
    key: 'evidence',
    align: 'center',
    render: (_, record) => {
      const count = evidenceCount(findType(ledger.pack, record.typeId), record);
      return count > 0 ? (
        <span aria-label={`${count}个佐证材料`}>
          <PaperClipOutlined /> {count}
        </span>
      ) : (
        <Typography.Text type="secondary">无</Typography.Text>
      );
    },
  };
  const titleLabel = type ? (type.titleLabel ?? '标题') : '标题';

  // Phones get one column a row reads down (title, then date, org and type), and the evidence count.
  const columns: TableColumnsType<LedgerRecord> = phone
    ? [
        {
          title: titleLabel,
          key: 'title',
          sorter: true,
          render: (_, record) => titleCell(record, [record.occurredOn, record.orgName, type ? null : record.typeName].filter(Boolean).join(' · ')),
        },
        evidenceColumn,
      ]
    : [
        { title: '日期', dataIndex: 'occurredOn', key: 'occurredOn', sorter: true, width: 110 },
        { title: type ? titleLabel : '标题 / 类型', key: 'title', sorter: true, render: (_, record) => titleCell(record, type ? null : record.typeName) },
        { title: '所属组织', dataIndex: 'orgName', key: 'org', sorter: true, render: (name: string) => <div className="lz-org-cell">{name}</div> },
        evidenceColumn,
        {
          title: '更新',
          dataIndex: 'updatedAt',
          key: 'updatedAt',
          sorter: true,
          render: (at: string) => <span title={formatDateTime(at)}>{formatDate(at)}</span>,
        },
      ];
  if (canWrite && !phone) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, record) =>
        record.deleted ? (
          <ConfirmButton type="link" size="small" danger={false} confirm={`恢复“${record.title}”？`} okText="恢复" onConfirm={() => restore.mutateAsync(record)}>
            恢复
          </ConfirmButton>
        ) : (
          <Button type="link" size="small" onClick={() => void navigate(recordPath(record.id, '/edit'), { state: fromList })}>
            编辑
          </Button>
        ),
    });
  }

  const filtered = !!(filters.typeId || filters.orgId || filters.from || filters.to || filters.q);
  const range: [Dayjs | null, Dayjs | null] | null =
    filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null;
  const types = ledger.pack?.recordTypes ?? [];
  const moreActive = [filters.orgId, filters.from || filters.to, showDeleted].filter(Boolean).length;

  const filterBar = (
    <Flex wrap gap={12} style={{ marginBottom: 16 }} align="center">
      {ledger.packs.length > 1 ? (
        <Select
          value={ledger.packId}
          onChange={(packId: string) => setFilters({ packId, typeId: undefined })}
          options={ledger.packs.map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 220 }}
          aria-label="制度包"
        />
      ) : null}
      {wide ? null : (
        <Select
          value={filters.typeId}
          onChange={(typeId: string | undefined) => setFilters({ typeId })}
          options={typeOptions(types)}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder="全部类型"
          style={{ width: '100%' }}
          aria-label="台账类型"
        />
      )}
      <Input.Search
        key={filters.q ?? ''}
        placeholder="搜索标题和文字内容"
        allowClear
        defaultValue={filters.q}
        onSearch={(q) => setFilters({ q: q.trim() || undefined })}
        style={{ width: wide ? 240 : '100%' }}
      />
      {phone ? (
        <Button type="link" size="small" onClick={() => setMoreFilters(!moreFilters)} style={{ paddingInline: 0 }}>
          {moreFilters ? '收起筛选' : `更多筛选${moreActive ? `（${moreActive}）` : ''}`}
        </Button>
      ) : null}
      {phone && !moreFilters ? null : (
        <>
          <OrgTreeSelect value={filters.orgId} onChange={(orgId) => setFilters({ orgId, subtree: undefined })} placeholder="全部组织" allowClear style={{ width: wide ? 220 : '100%' }} />
          <Checkbox checked={filters.subtree !== 'false'} onChange={(e) => setFilters({ subtree: e.target.checked ? undefined : 'false' })} disabled={!filters.orgId}>
            含下级
          </Checkbox>
          <DatePicker.RangePicker
            value={range}
            onChange={(days) => setFilters({ from: days?.[0]?.format(DATE_FORMAT), to: days?.[1]?.format(DATE_FORMAT) })}
            format={DATE_FORMAT}
            allowEmpty={[true, true]}
            placeholder={['开始日期', '结束日期']}
            style={{ width: wide ? 260 : '100%' }}
          />
          <Checkbox checked={showDeleted} onChange={(e) => setFilters({ deleted: e.target.checked ? '1' : undefined })}>
            显示已删除
          </Checkbox>
        </>
      )}
    </Flex>
  );

  const table = (
    <ServerTable
      query={records}
      columns={columns}
      params={params}
      onParamsChange={setPaging}
      rowKey="id"
      empty={filtered ? '没有符合条件的记录，请调整筛选条件' : canWrite ? EMPTY_LEDGER_HINT : '还没有台账记录'}
    />
  );

  return (
    <>
      <PageHeader
        title={type ? type.name : '台账记录'}
        description={type?.description ?? '各单位开展工作的记录和佐证材料，数据统计和报告都从这里计算。'}
        extra={
          <>
            {canWrite ? (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={addNew}>
                  新增记录
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setFilters({ import: '1' })} disabled={writableTypes.length === 0}>
                  Excel导入
                </Button>
              </>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={exportList}>
              导出Excel
            </Button>
          </>
        }
      />
      {wide ? (
        <Row gutter={16} wrap={false}>
          <Col flex="228px">
            <Card size="small" title="台账类型" className="lz-type-card" styles={{ body: { padding: 4 } }}>
              {ledger.pack ? <TypeNav key={ledger.packId} types={types} value={filters.typeId} onChange={(typeId) => setFilters({ typeId })} /> : null}
            </Card>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            <Card styles={{ body: { padding: 16 } }}>
              {filterBar}
              {table}
            </Card>
          </Col>
        </Row>
      ) : (
        <Card styles={{ body: { padding: 12 } }}>
          {filterBar}
          {table}
        </Card>
      )}
      {ledger.packId ? (
        <RecordImportModal
          open={filters.import === '1'}
          onClose={() => setFilters({ import: undefined })}
          packId={ledger.packId}
          types={writableTypes}
          typeId={filters.typeId}
        />
      ) : null}
    </>
  );
}
