import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
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
  /** The authenticator app's code: the second step for accounts with a second factor. */
  code?: string;
}

export default function LoginPage() {
  const queryClient = useQueryClient();
  const [notice] = useState(peekLoginNotice);
  const [failure, setFailure] = useState<{ text: string; locked: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  // Set once the password was right for an account with a second factor: the code step.
  const [credentials, setCredentials] = useState<LoginValues | null>(null);
  useEffect(clearLoginNotice, []);

  const submit = async (values: LoginValues) => {
    setPending(true);
    setFailure(null);
    try {
      const { csrfToken } = await api.post<{ csrfToken: string }>('/api/auth/login', { ...values, code: values.code?.trim() });
      setCsrfToken(csrfToken);
      // Nothing cached may outlive the previous user; the fresh session moves the route guard on.
      forgetUserData(queryClient);
      await refreshSession(queryClient);
    } catch (error) {
      const code = isApiError(error) ? error.code : '';
      setPending(false);
      if (code === 'MFA_REQUIRED') {
        setCredentials({ username: values.username, password: values.password });
        return;
      }
      // A wrong code keeps the code step; anything else (a lockout) goes back to the password.
      if (code !== 'BAD_MFA_CODE') setCredentials(null);
      setFailure({ text: errorMessage(error), locked: code === 'LOCKED' });
    }
  };

  return (
    <AuthFrame title="登录">
      {notice && !failure ? <Alert type={notice === 'expired' ? 'warning' : 'success'} showIcon title={LOGIN_NOTICE_TEXT[notice]} style={{ marginBottom: 16 }} /> : null}
      {failure ? <Alert type={failure.locked ? 'warning' : 'error'} showIcon title={failure.text} style={{ marginBottom: 16 }} /> : null}
      {credentials ? (
        <Form<{ code: string }> key="code" layout="vertical" onFinish={({ code }) => void submit({ ...credentials, code })} requiredMark={false} size="large">
          <Alert type="info" showIcon title="本账号已启用双因素认证，请输入手机验证器中的6位动态验证码。" style={{ marginBottom: 16 }} />
          <Form.Item name="code" label="动态验证码" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字验证码' }]}>
            <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={pending}>
            验证并登录
          </Button>
          <Button
            type="link"
            block
            onClick={() => {
              setCredentials(null);
              setFailure(null);
            }}
            style={{ marginTop: 8 }}
          >
            返回重新输入密码
          </Button>
        </Form>
      ) : (
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
      )}
    </AuthFrame>
  );
}
