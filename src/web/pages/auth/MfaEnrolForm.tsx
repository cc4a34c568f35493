import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Skeleton, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../http/client.ts';
import { refreshSession } from '../../auth/session.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';

export interface MfaStatus {
  enrolled: boolean;
  pending: boolean;
  eligible: boolean;
  required: boolean;
}

export const MFA_KEY = ['own-mfa'] as const;

/** Groups the base32 secret in fours, as authenticator apps print it; spaces are ignored there. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Binding an authenticator app (TOTP) to the administrator's account: a secret issued by the
 * server, typed or imported into the app, confirmed by the first code the app shows.
 */
export function MfaEnrolForm({ onDone }: { onDone?: () => void }) {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: MFA_KEY, queryFn: () => api.get<MfaStatus>('/api/auth/mfa') });
  const [issued, setIssued] = useState<{ secret: string; uri: string } | null>(null);
  const [form] = Form.useForm<{ code: string }>();
  const start = useApiMutation(() => api.post<{ secret: string; uri: string }>('/api/auth/mfa/enrol'), {
    onSuccess: (result) => {
      setIssued(result);
      form.resetFields();
    },
  });
  const confirm = useApiMutation((values: { code: string }) => api.post('/api/auth/mfa/confirm', values), {
    form,
    success: '动态验证码已绑定，今后登录须在密码之后输入验证码',
    invalidate: [MFA_KEY],
    onSuccess: () => {
      setIssued(null);
      // The session stops sending an administrator to enrolment.
      void refreshSession(queryClient).then(() => onDone?.());
    },
  });

  if (status.error) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return <Skeleton active />;
  if (status.data.enrolled) {
    return (
      <Alert
        type="success"
        showIcon
        title="已绑定动态验证码"
        description="每次登录须在密码之后输入验证器中的6位动态验证码。手机丢失或更换时，请联系安全管理员重置后重新绑定。"
      />
    );
  }
  if (!status.data.eligible) return <Alert type="info" showIcon title="双因素认证用于系统管理员、安全管理员和审计管理员账号。" />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Steps
        orientation="vertical"
        size="small"
        current={issued ? 1 : 0}
        items={[
          { title: '在手机上安装验证器', content: '如 FreeOTP、Microsoft Authenticator、Google 身份验证器等支持 TOTP 的应用。' },
          { title: '添加账号', content: '点击“生成密钥”，在验证器中选择“手动输入密钥”，填入下面的密钥（基于时间，6位）。' },
          { title: '输入验证码', content: '填入验证器显示的6位数字，完成绑定。' },
        ]}
      />
      {issued ? (
        <>
          <div>
            <Typography.Text type="secondary">密钥（仅显示一次，请勿截图外传）</Typography.Text>
            <Typography.Paragraph copyable={{ text: issued.secret }} style={{ fontFamily: 'monospace', fontSize: 18, marginBottom: 4 }}>
              {groupSecret(issued.secret)}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              可导入的地址：
            </Typography.Text>
            <Typography.Paragraph copyable ellipsis={{ rows: 2, expandable: true }} style={{ fontSize: 12 }}>
              {issued.uri}
            </Typography.Paragraph>
          </div>
          <Form form={form} layout="inline" onFinish={(values) => confirm.mutate(values)} requiredMark={false}>
            <Form.Item name="code" rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字验证码' }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="6位验证码" style={{ width: 160 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              完成绑定
            </Button>
          </Form>
        </>
      ) : (
        <Button type="primary" onClick={() => start.mutate()} loading={start.isPending}>
          {status.data.pending ? '重新生成密钥' : '生成密钥'}
        </Button>
      )}
    </Space>
  );
}
