import { Card } from 'antd';
import { PageHeader } from '../../components/PageHeader.tsx';
import { MfaEnrolForm } from './MfaEnrolForm.tsx';

/** The administrator's own second factor, from the user menu. */
export default function MfaPage() {
  return (
    <>
      <PageHeader title="双因素认证" description="管理员账号登录时，在密码之后再输入手机验证器生成的6位动态验证码，密码泄露也无法登录。" />
      <Card style={{ maxWidth: 640 }}>
        <MfaEnrolForm />
      </Card>
    </>
  );
}
