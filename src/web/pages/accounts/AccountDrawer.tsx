import { Alert, Button, Drawer, Flex, Form, Input } from 'antd';
import { useEffect } from 'react';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PasswordField } from '../../components/password/PasswordField.tsx';
import { usePasswordPolicy } from '../../components/password/usePasswordPolicy.ts';
import { PersonSelect } from '../../components/PersonSelect.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { ACCOUNTS_KEY, createAccount, updateAccount, type Account, type AccountInput } from './api.ts';

export type AccountDrawerTarget = { mode: 'create' } | { mode: 'edit'; account: Account };

/** Creates an account (without roles: the security administrator grants them) or edits one. */
export function AccountDrawer({ target, onClose }: { target: AccountDrawerTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<AccountInput>();
  const policy = usePasswordPolicy();
  const editing = target?.mode === 'edit' ? target.account : null;
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const save = useApiMutation(
    (v: AccountInput) =>
      editing
        ? updateAccount(editing.id, { displayName: v.displayName.trim(), orgId: v.orgId, personId: v.personId ?? null })
        : createAccount({ username: v.username.trim(), displayName: v.displayName.trim(), orgId: v.orgId, personId: v.personId ?? null, password: v.password }),
    {
      form,
      invalidate: [ACCOUNTS_KEY, ['people']],
      success: (a) => (editing ? `已保存“${a.displayName}”` : `已创建账号“${a.username}”，请安全管理员为其授予角色`),
      onSuccess: onClose,
    },
  );

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { username, displayName, orgId: accountOrg, personId } = target.account;
      form.setFieldsValue({ username, displayName, orgId: accountOrg, personId });
    }
  }, [target, form]);

  return (
    <Drawer
      open={!!target}
      title={editing ? `编辑账号：${editing.username}` : '新建账号'}
      size={460}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      {editing ? null : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="三员分立：新账号没有任何角色，须由安全管理员授予角色后才能使用。本人首次登录时须修改初始密码。" />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z0-9._-]{2,32}$/, message: '2～32位字母、数字或 . _ -' },
          ]}
          extra={editing ? '用户名创建后不能修改。' : '登录时使用，建议用姓名拼音，如 zhangsan。'}
        >
          <Input disabled={!!editing} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="orgId" label="所属组织" rules={[{ required: true, message: '请选择所属组织' }]} extra="账号只能查看和处理所属组织及其下级的数据。">
          <OrgTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="personId" label="对应人员" extra="选填。关联人员名单中的本人。">
          <PersonSelect orgId={orgId} allowClear />
        </Form.Item>
        {editing ? null : <PasswordField name="password" label="初始密码" policy={policy} usernameField="username" confirm />}
      </Form>
    </Drawer>
  );
}
