import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { GROUP_ROLE_LABELS, GROUP_ROLES, type GroupRole } from '../../../core/org/kinds.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { AddMemberModal, type AddMemberValues } from './AddMemberModal.tsx';
import { addGroupMember, DUTY_KEY, removeGroupMember, useLeadingGroup, type LeadingGroupMember } from './api.ts';

const ROLE_OPTIONS = GROUP_ROLES.map((role) => ({ value: role, label: GROUP_ROLE_LABELS[role] }));
const rank = (role: GroupRole) => GROUP_ROLES.indexOf(role);

/** The org's ideology-work leading group (领导小组) in a year: leader first, then deputies, members, office. */
export function LeadingGroupSection({ orgId, year, canManage }: { orgId: string; year: number; canManage: boolean }) {
  const group = useLeadingGroup(orgId, year);
  const [adding, setAdding] = useState(false);
  const add = useApiMutation((v: AddMemberValues<GroupRole>) => addGroupMember(orgId, { personId: v.personId, year, groupRole: v.role }), {
    invalidate: [DUTY_KEY],
    success: (m) => `已将${m.personName}加入领导小组（${m.groupRoleLabel}）`,
    onSuccess: () => setAdding(false),
  });
  const remove = useApiMutation((m: LeadingGroupMember) => removeGroupMember(m.id), { invalidate: [DUTY_KEY], success: '已移出领导小组' });

  const columns: TableColumnsType<LeadingGroupMember> = [
    { title: '小组职务', dataIndex: 'groupRoleLabel' },
    { title: '姓名', dataIndex: 'personName' },
    { title: '职务', dataIndex: 'position', render: (v: string | null) => v ?? '—' },
    { title: '所在组织', dataIndex: 'personOrgName' },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, m) => (
        <ConfirmButton type="link" size="small" confirm={`将${m.personName}移出领导小组？`} okText="移出" onConfirm={() => remove.mutateAsync(m)}>
          移出
        </ConfirmButton>
      ),
    });
  }

  const members = [...(group.data?.items ?? [])].sort((a, b) => rank(a.groupRole) - rank(b.groupRole));
  return (
    <Card
      title={`意识形态工作领导小组（${year}年度）`}
      extra={
        canManage ? (
          <Button type="link" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加成员
          </Button>
        ) : null
      }
    >
      {group.error ? (
        <QueryError error={group.error} onRetry={() => void group.refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={group.isPending}
          columns={columns}
          dataSource={members}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: canManage ? '本年度尚未组建领导小组，点击“添加成员”，从组长开始' : '本年度尚未组建领导小组' }}
        />
      )}
      <AddMemberModal<GroupRole>
        open={adding}
        title={`${year}年度 · 添加领导小组成员`}
        orgId={orgId}
        roleLabel="小组职务"
        roleOptions={ROLE_OPTIONS}
        initialRole={members.some((m) => m.groupRole === 'leader') ? 'member' : 'leader'}
        pending={add.isPending}
        onSubmit={(v) => add.mutate(v)}
        onClose={() => setAdding(false)}
      />
    </Card>
  );
}
