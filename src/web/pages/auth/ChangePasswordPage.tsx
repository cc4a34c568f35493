import { Card } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';

export default function ChangePasswordPage() {
  return (
    <>
      <PageHeader title="修改密码" description="修改后，您在其他设备上的登录会话将全部结束。" />
      <Card>
        <PasswordChangeForm />
      </Card>
    </>
  );
}
