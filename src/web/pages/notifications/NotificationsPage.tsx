import { App, Button, Card, List, Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { errorMessage } from '../../http/formErrors.ts';
import { NotificationItem, useOpenNotification } from '../../layout/NotificationBell.tsx';
import { useMarkRead, useNotifications } from '../../layout/notifications.ts';

const PAGE_SIZE = 20;

/** All of the user's notifications, newest first, unread ones marked; the page and filter live in the URL. */
export default function NotificationsPage() {
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const unreadOnly = search.get('unread') === '1';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const list = useNotifications({ unreadOnly, page, pageSize: PAGE_SIZE });
  const { markAll } = useMarkRead();
  const open = useOpenNotification();
  const unread = list.data?.unread ?? 0;

  const set = (changes: Record<string, string | undefined>) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title="通知"
        description="制度要求即将到期或已逾期时，系统会提醒相关责任人。点击通知查看对应的落实情况。"
        extra={
          <Button disabled={unread === 0} onClick={() => void markAll().catch((error: unknown) => void message.error(errorMessage(error)))}>
            全部标为已读
          </Button>
        }
      />
      <Segmented
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => set({ unread: v === 'unread' ? '1' : undefined, page: undefined })}
        options={[
          { value: 'all', label: '全部' },
          { value: 'unread', label: `未读 ${unread}` },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <List
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: unreadOnly ? '没有未读通知。' : '暂无通知。要求即将到期或逾期时，系统会在这里提醒您。' }}
            renderItem={(item) => <NotificationItem item={item} onOpen={open} />}
            pagination={
              (list.data?.total ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: (p) => set({ page: p > 1 ? String(p) : undefined }), showSizeChanger: false }
                : false
            }
          />
        </Card>
      )}
    </>
  );
}
