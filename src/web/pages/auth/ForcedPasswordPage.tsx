import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { api } from '../../http/client.ts';
import { dropSession, useSession } from '../../auth/session.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

/** Shown instead of the app until the user has replaced an initial, reset or expired password. */
export default function ForcedPasswordPage() {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const reason = session?.passwordExpired
    ? '您的密码已过期，请设置新密码后继续使用。'
    : '这是您首次登录，或密码已被管理员重置。为保护账号安全，请先设置您自己的密码。';

  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => {});
    dropSession(queryClient);
  };

  return (
    <AuthFrame title={`修改密码 · ${session?.user?.displayName ?? ''}`}>
      <Alert type="warning" showIcon title={reason} style={{ marginBottom: 16 }} />
      <PasswordChangeForm />
      <Button type="link" onClick={() => void logout()} style={{ paddingInline: 0, marginTop: 8 }}>
        退出登录
      </Button>
    </AuthFrame>
  );
}
