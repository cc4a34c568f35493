import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { api, isApiError, setCsrfToken } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { clearLoginNotice, LOGIN_NOTICE_TEXT, peekLoginNotice } from '../../auth/loginNotice.ts';
import { forgetUserData, refreshSession } from '../../auth/session.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const queryClient = useQueryClient();
  const [notice] = useState(peekLoginNotice);
  const [failure, setFailure] = useState<{ text: string; locked: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(clearLoginNotice, []);

  const submit = async (values: LoginValues) => {
    setPending(true);
    setFailure(null);
    try {
      const { csrfToken } = await api.post<{ csrfToken: string }>('/api/auth/login', values);
      setCsrfToken(csrfToken);
      // Nothing cached may outlive the previous user; the fresh session moves the route guard on.
      forgetUserData(queryClient);
      await refreshSession(queryClient);
    } catch (error) {
      setFailure({ text: errorMessage(error), locked: isApiError(error) && error.code === 'LOCKED' });
      setPending(false);
    }
  };

  return (
    <AuthFrame title="登录">
      {notice && !failure ? <Alert type={notice === 'expired' ? 'warning' : 'success'} showIcon title={LOGIN_NOTICE_TEXT[notice]} style={{ marginBottom: 16 }} /> : null}
      {failure ? <Alert type={failure.locked ? 'warning' : 'error'} showIcon title={failure.text} style={{ marginBottom: 16 }} /> : null}
      <Form<LoginValues> layout="vertical" onFinish={submit} requiredMark={false} size="large">
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending}>
          登录
        </Button>
      </Form>
    </AuthFrame>
  );
}
