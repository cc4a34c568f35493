import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES } from '../../../core/auth/roles.ts';
import { useCan, useCurrentUser } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDateTime } from '../../components/format.ts';
import { roleLabel } from '../../components/labels.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerTable } from '../../components/ServerTable.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { useListParams } from '../../components/useListParams.ts';
import { AccountDrawer, type AccountDrawerTarget } from './AccountDrawer.tsx';
import { AccountStatus } from './AccountStatus.tsx';
import { ACCOUNTS_KEY, resetAccountMfa, setAccountDisabled, unlockAccount, useAccounts, type Account } from './api.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { RolesModal } from './RolesModal.tsx';

const FILTERS = ['q', 'orgId', 'role', 'status'] as const;
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
const STATUS_OPTIONS = [
  { value: 'active', label: '正常' },
  { value: 'locked', label: '已锁定' },
  { value: 'disabled', label: '已停用' },
];

/** Accounts: the system administrator creates and maintains them; the security administrator grants roles. */
export default function AccountsPage() {
  const me = useCurrentUser();
  const canManage = useCan('account.manage');
  const canGrant = useCan('role.grant');
  const readsOrgs = useCan('org.read');
  const { params, filters, setFilters, setPaging } = useListParams(FILTERS, { sort: 'username', order: 'asc' });
  const accounts = useAccounts({ ...params, ...filters });
  const [drawer, setDrawer] = useState<AccountDrawerTarget | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [granting, setGranting] = useState<Account | null>(null);
  const toggle = useApiMutation((a: Account) => setAccountDisabled(a.id, !a.disabled), {
    invalidate: [ACCOUNTS_KEY],
    success: (a) => (a.disabled ? `已停用“${a.username}”` : `已启用“${a.username}”`),
  });
  const unlock = useApiMutation((a: Account) => unlockAccount(a.id), { invalidate: [ACCOUNTS_KEY], success: (a) => `已解锁“${a.username}”` });
  const resetMfa = useApiMutation((a: Account) => resetAccountMfa(a.id), { invalidate: [ACCOUNTS_KEY], success: (a) => `已重置“${a.username}”的双因素认证` });

  const actions = (a: Account) => (
    <Space size={0} wrap>
      {canGrant ? (
        <Button type="link" size="small" onClick={() => setGranting(a)} disabled={a.id === me.id}>
          授予角色
        </Button>
      ) : null}
      {canGrant && a.locked ? (
        <ConfirmButton type="link" size="small" danger={false} confirm={`解锁“${a.username}”？`} okText="解锁" onConfirm={() => unlock.mutateAsync(a)}>
          解锁
        </ConfirmButton>
      ) : null}
      {canGrant && a.mfaEnrolled && a.id !== me.id ? (
        <ConfirmButton
          type="link"
          size="small"
          confirm={`重置“${a.username}”的双因素认证？`}
          detail="用于手机丢失或更换：该账号的动态验证码绑定被删除并立即退出登录，之后须重新绑定。"
          okText="重置"
          onConfirm={() => resetMfa.mutateAsync(a)}
        >
          重置动态验证码
        </ConfirmButton>
      ) : null}
      {canManage ? (
        <>
          <Button type="link" size="small" onClick={() => setDrawer({ mode: 'edit', account: a })}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(a)} disabled={a.id === me.id}>
            重置密码
          </Button>
          {a.id === me.id ? null : (
            <ConfirmButton
              type="link"
              size="small"
              danger={!a.disabled}
              confirm={a.disabled ? `启用“${a.username}”？` : `停用“${a.username}”？`}
              detail={a.disabled ? undefined : '停用后该账号立即退出登录且不能再登录，数据保留，可随时重新启用。'}
              okText={a.disabled ? '启用' : '停用'}
              onConfirm={() => toggle.mutateAsync(a)}
            >
              {a.disabled ? '启用' : '停用'}
            </ConfirmButton>
          )}
        </>
      ) : null}
    </Space>
  );

  const columns: TableColumnsType<Account> = [
    { title: '用户名', dataIndex: 'username', key: 'username', sorter: true, fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', sorter: true },
    { title: '所属组织', dataIndex: 'orgName', key: 'org', sorter: true },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: string[]) => (roles.length ? roles.map((r) => <Tag key={r}>{roleLabel(r)}</Tag>) : '—'),
    },
    { title: '状态', key: 'status', render: (_, a) => <AccountStatus account={a} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', key: 'lastLoginAt', sorter: true, render: formatDateTime },
    { title: '创建时间', dataIndex: 'createdAt', key: 'createdAt', sorter: true, render: formatDateTime },
    { title: '操作', key: 'actions', render: (_, a) => actions(a) },
  ];

  return (
    <>
      <PageHeader
        title="账号管理"
        description={canManage ? '创建账号、修改所属组织、重置密码、停用账号。角色由安全管理员授予（三员分立）。' : '为账号授予或撤销角色，解锁因多次输错密码而被锁定的账号。'}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ mode: 'create' })}>
              新建账号
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search placeholder="搜索用户名或姓名" allowClear defaultValue={filters.q} onSearch={(q) => setFilters({ q: q.trim() || undefined })} style={{ width: 220 }} />
          {readsOrgs ? <OrgTreeSelect value={filters.orgId} onChange={(orgId) => setFilters({ orgId })} placeholder="全部组织" allowClear style={{ width: 240 }} /> : null}
          <Select value={filters.role} onChange={(role?: string) => setFilters({ role })} options={ROLE_OPTIONS} placeholder="全部角色" allowClear style={{ width: 150 }} />
          <Select value={filters.status} onChange={(status?: string) => setFilters({ status })} options={STATUS_OPTIONS} placeholder="全部状态" allowClear style={{ width: 120 }} />
        </Flex>
        <ServerTable query={accounts} columns={columns} params={params} onParamsChange={setPaging} rowKey="id" empty="没有符合条件的账号" />
      </Card>
      {canManage ? (
        <>
          <AccountDrawer target={drawer} onClose={() => setDrawer(null)} />
          <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
        </>
      ) : null}
      {canGrant ? <RolesModal account={granting} onClose={() => setGranting(null)} /> : null}
    </>
  );
}
