import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input } from 'antd';
import { api } from '../../http/client.ts';
import { SESSION_KEY, useSession } from '../../auth/session.ts';
import { PasswordField } from '../../components/password/PasswordField.tsx';
import { usePasswordPolicy } from '../../components/password/usePasswordPolicy.ts';
import { useApiMutation } from '../../components/useApiMutation.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
}

/** Change one's own password: the current one, then a new one checked live against the policy. */
export function PasswordChangeForm({ onDone }: { onDone?: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const policy = usePasswordPolicy();
  const { data: session } = useSession();
  const change = useApiMutation((values: Values) => api.post('/api/auth/password', values), {
    form,
    success: '密码已修改，您的其他登录会话已结束',
    onSuccess: () => {
      form.resetFields();
      // A forced change is now done: the refreshed session lets the user into the app.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      onDone?.();
    },
  });

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
      style={{ maxWidth: 420 }}
    >
      <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <PasswordField name="newPassword" label="新密码" policy={policy} username={session?.user?.username} confirm />
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  );
}
