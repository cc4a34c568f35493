import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { api } from '../../http/client.ts';
import { dropSession, useSession } from '../../auth/session.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { MfaEnrolForm } from './MfaEnrolForm.tsx';

/** Shown instead of the app to an administrator the policy requires a second factor of, until bound. */
export default function ForcedMfaPage() {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => {});
    dropSession(queryClient);
  };
  return (
    <AuthFrame title={`绑定动态验证码 · ${session?.user?.displayName ?? ''}`}>
      <Alert type="warning" showIcon title="安全策略要求管理员账号使用双因素认证（密码 + 动态验证码），请先完成绑定。" style={{ marginBottom: 16 }} />
      <MfaEnrolForm />
      <Button type="link" onClick={() => void logout()} style={{ paddingInline: 0, marginTop: 8 }}>
        退出登录
      </Button>
    </AuthFrame>
  );
}
