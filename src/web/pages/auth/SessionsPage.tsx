import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { api } from '../../http/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { describeUserAgent } from './userAgent.ts';

interface OwnSession {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

const SESSIONS_KEY = ['own-sessions'] as const;

export default function SessionsPage() {
  const sessions = useQuery({ queryKey: SESSIONS_KEY, queryFn: () => api.get<OwnSession[]>('/api/auth/sessions') });
  const end = useApiMutation((id: string) => api.delete(`/api/auth/sessions/${encodeURIComponent(id)}`), {
    success: '会话已结束',
    invalidate: [SESSIONS_KEY],
  });

  const columns: TableColumnsType<OwnSession> = [
    {
      title: '设备',
      key: 'device',
      render: (_, s) => (
        <span title={s.userAgent ?? ''}>
          {describeUserAgent(s.userAgent)} {s.current ? <Tag color="green">当前会话</Tag> : null}
        </span>
      ),
    },
    { title: 'IP 地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    { title: '登录时间', dataIndex: 'createdAt', render: formatDateTime },
    { title: '最近活动', dataIndex: 'lastSeenAt', render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      render: (_, s) =>
        s.current ? (
          <Typography.Text type="secondary">使用“退出登录”结束</Typography.Text>
        ) : (
          <ConfirmButton size="small" confirm="结束这个会话？" detail="该设备上将需要重新登录。" onConfirm={() => end.mutateAsync(s.id)}>
            结束会话
          </ConfirmButton>
        ),
    },
  ];

  return (
    <>
      <PageHeader title="我的会话" description="您的账号当前在以下设备上登录。如有不认识的设备，请结束该会话并立即修改密码。" />
      <Card>
        {sessions.error ? (
          <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Table rowKey="id" columns={columns} dataSource={sessions.data ?? []} loading={sessions.isPending} pagination={false} scroll={{ x: 'max-content' }} />
        )}
      </Card>
    </>
  );
}
