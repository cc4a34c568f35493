import { Card, Form, Input, Typography } from 'antd';
import type { SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { PasswordField } from '../../components/password/PasswordField.tsx';

export type AdminKey = 'sysadmin' | 'secadmin' | 'auditor';

export const ADMIN_INFO: Record<AdminKey, { title: string; duty: string; firstLogin: string }> = {
  sysadmin: {
    title: '系统管理员',
    duty: '管理组织机构、人员和账号。通常由您本人担任。',
    firstLogin: '使用此处设置的密码直接登录。',
  },
  secadmin: {
    title: '安全管理员',
    duty: '为账号授予角色、解锁账号，设置密码和会话策略。',
    firstLogin: '首次登录须修改此初始密码。',
  },
  auditor: {
    title: '审计管理员',
    duty: '查阅、导出和校验审计日志，不能修改任何数据。',
    firstLogin: '首次登录须修改此初始密码。',
  },
};

/** One of the three administrator accounts created at first run. */
export function AdminCard({ kind, policy }: { kind: AdminKey; policy: SecurityPolicy }) {
  const info = ADMIN_INFO[kind];
  return (
    <Card size="small" title={info.title} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {info.duty}
        {info.firstLogin}
      </Typography.Paragraph>
      <Form.Item
        name={[kind, 'username']}
        label="用户名"
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[a-zA-Z0-9._-]{2,32}$/, message: '2～32位字母、数字或 . _ -' },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={[kind, 'displayName']} label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <PasswordField name={[kind, 'password']} label={kind === 'sysadmin' ? '密码' : '初始密码'} policy={policy} usernameField={[kind, 'username']} confirm={kind === 'sysadmin'} />
    </Card>
  );
}
