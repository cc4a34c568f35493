import { Alert, Checkbox, Flex, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ADMIN_ROLES, BUSINESS_ROLES, checkRoleSet, ROLE_LABELS, type Role } from '../../../core/auth/roles.ts';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { ACCOUNTS_KEY, setRoles, type Account } from './api.ts';
import { ROLE_DUTIES } from './roleInfo.ts';

function RoleChoices({ roles, selected, onToggle }: { roles: readonly Role[]; selected: Role[]; onToggle: (role: Role, on: boolean) => void }) {
  return (
    <Flex vertical gap={6}>
      {roles.map((role) => (
        <Checkbox key={role} checked={selected.includes(role)} onChange={(e) => onToggle(role, e.target.checked)}>
          {ROLE_LABELS[role]}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {ROLE_DUTIES[role]}
          </Typography.Text>
        </Checkbox>
      ))}
    </Flex>
  );
}

/** The security administrator grants and revokes roles, with the three-admin separation checked as they tick. */
export function RolesModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const [selected, setSelected] = useState<Role[]>([]);
  useEffect(() => setSelected(account?.roles ?? []), [account]);
  const save = useApiMutation((roles: Role[]) => setRoles(account!.id, roles), {
    invalidate: [ACCOUNTS_KEY],
    success: (a) => `已更新“${a.displayName}”的角色`,
    onSuccess: onClose,
  });
  const problem = checkRoleSet(selected);
  const toggle = (role: Role, on: boolean) => setSelected((current) => (on ? [...current, role] : current.filter((r) => r !== role)));

  return (
    <Modal
      open={!!account}
      title={`授予角色：${account?.displayName ?? ''}（${account?.username ?? ''}）`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ disabled: !!problem }}
      confirmLoading={save.isPending}
      onOk={() => save.mutate(selected)}
      onCancel={onClose}
    >
      <Typography.Title level={5}>业务角色</Typography.Title>
      <RoleChoices roles={BUSINESS_ROLES} selected={selected} onToggle={toggle} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        管理员角色（三员）
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        三员分立：一个账号最多担任一种管理员，且不能同时拥有业务角色。
      </Typography.Paragraph>
      <RoleChoices roles={ADMIN_ROLES} selected={selected} onToggle={toggle} />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} /> : null}
      {!problem && selected.length === 0 ? <Alert type="warning" showIcon title="没有任何角色的账号登录后不能使用任何功能。" style={{ marginTop: 16 }} /> : null}
    </Modal>
  );
}
