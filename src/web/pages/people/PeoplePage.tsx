import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Input, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { download } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import type { Person } from '../../http/types.ts';
import { useCan } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDate } from '../../components/format.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerTable } from '../../components/ServerTable.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { useListParams } from '../../components/useListParams.ts';
import { deletePerson, PEOPLE_KEY, personExportPath, usePeople } from './api.ts';
import { ContactModal } from './ContactModal.tsx';
import { downloadTemplate, ImportModal } from './ImportModal.tsx';
import { PersonDrawer, type PersonDrawerTarget } from './PersonDrawer.tsx';

const FILTERS = ['q', 'orgId', 'subtree', 'import'] as const;

export default function PeoplePage() {
  const { message } = App.useApp();
  const canManage = useCan('people.manage');
  const canManageOrgs = useCan('org.manage');
  const canImport = canManage || canManageOrgs;
  const { params, filters, setFilters, setPaging } = useListParams(FILTERS, { sort: 'name', order: 'asc' });
  const [drawer, setDrawer] = useState<PersonDrawerTarget | null>(null);
  const [contactOf, setContactOf] = useState<Person | null>(null);
  const people = usePeople({ ...params, q: filters.q, orgId: filters.orgId, subtree: filters.subtree ?? 'true' });
  const remove = useApiMutation((person: Person) => deletePerson(person.id), {
    invalidate: [PEOPLE_KEY, ['orgs'], ['duty']],
    success: (_r, person) => `已删除“${person.name}”`,
  });

  const fetchFile = (path: string, name: string) => download(path, undefined, name).catch((error: unknown) => void message.error(errorMessage(error)));

  const columns: TableColumnsType<Person> = [
    { title: '姓名', dataIndex: 'name', key: 'name', sorter: true, fixed: 'left' },
    { title: '职务', dataIndex: 'position', key: 'position', sorter: true, render: (v: string | null) => v ?? '—' },
    { title: '所属组织', dataIndex: 'orgName', key: 'org', sorter: true },
    { title: '电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: '邮箱', dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    { title: '登录账号', dataIndex: 'hasAccount', render: (v: boolean) => (v ? <Tag color="blue">已关联</Tag> : '—') },
    { title: '录入日期', dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: formatDate },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, person) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDrawer({ mode: 'edit', person })}>
            编辑
          </Button>
          <Button type="link" size="small" disabled={!person.phone && !person.email} onClick={() => setContactOf(person)}>
            联系方式
          </Button>
          <Button type="link" size="small" onClick={() => void fetchFile(personExportPath(person.id), `个人信息-${person.name}.json`)}>
            导出信息
          </Button>
          <ConfirmButton
            type="link"
            size="small"
            confirm={`删除“${person.name}”？`}
            detail="将一并删除其责任角色和领导小组成员身份，删除后不可恢复。"
            okText="删除"
            onConfirm={() => remove.mutateAsync(person)}
          >
            删除
          </ConfirmButton>
        </Space>
      ),
    });
  }

  const noFilter = !filters.q && !filters.orgId;
  return (
    <>
      <PageHeader
        title="人员"
        description="各单位人员及职务。联系方式仅用于工作联系，列表中脱敏显示。"
        extra={
          <>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create', orgId: filters.orgId })}>
                新增人员
              </Button>
            ) : null}
            {canImport ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setFilters({ import: '1' })}>
                  Excel导入
                </Button>
                <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate().catch((e: unknown) => void message.error(errorMessage(e)))}>
                  下载模板
                </Button>
              </>
            ) : null}
            <Button icon={<DownloadOutlined />} onClick={() => void fetchFile('/api/org-excel/export', '组织人员.xlsx')}>
              导出Excel
            </Button>
          </>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder="搜索姓名或职务"
            allowClear
            defaultValue={filters.q}
            onSearch={(q) => setFilters({ q: q.trim() || undefined })}
            style={{ width: 240 }}
          />
          <OrgTreeSelect value={filters.orgId} onChange={(orgId) => setFilters({ orgId })} placeholder="全部组织" allowClear style={{ width: 260 }} />
          <Checkbox checked={filters.subtree !== 'false'} onChange={(e) => setFilters({ subtree: e.target.checked ? undefined : 'false' })} disabled={!filters.orgId}>
            含下级组织
          </Checkbox>
        </Flex>
        <ServerTable
          query={people}
          columns={columns}
          params={params}
          onParamsChange={setPaging}
          rowKey="id"
          empty={noFilter ? (canManage ? '还没有人员。点击“新增人员”逐个添加，或用“Excel导入”批量导入。' : '还没有人员。') : '没有符合条件的人员'}
        />
      </Card>
      <PersonDrawer target={drawer} onClose={() => setDrawer(null)} />
      <ContactModal person={contactOf} onClose={() => setContactOf(null)} />
      <ImportModal open={filters.import === '1'} onClose={() => setFilters({ import: undefined })} />
    </>
  );
}
