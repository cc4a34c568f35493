import { Alert, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { PasswordField } from '../../components/password/PasswordField.tsx';
import { usePasswordPolicy } from '../../components/password/usePasswordPolicy.ts';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { ACCOUNTS_KEY, resetPassword, type Account } from './api.ts';

/** Sets a new initial password, which the user must replace at their next login. */
export function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const policy = usePasswordPolicy();
  const reset = useApiMutation((password: string) => resetPassword(account!.id, password), {
    form,
    invalidate: [ACCOUNTS_KEY],
    success: '密码已重置，请将新的初始密码当面或通过安全渠道告知本人',
    onSuccess: onClose,
  });
  useEffect(() => {
    if (account) form.resetFields();
  }, [account, form]);

  return (
    <Modal
      open={!!account}
      title={`重置密码：${account?.displayName ?? ''}（${account?.username ?? ''}）`}
      okText="重置密码"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert type="warning" showIcon title="重置后该账号的所有登录会话立即失效，本人下次登录时须修改此初始密码。" style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={({ password }) => reset.mutate(password)}>
        <PasswordField name="password" label="新的初始密码" policy={policy} username={account?.username} confirm />
      </Form>
    </Modal>
  );
}
