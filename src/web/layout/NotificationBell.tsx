import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Empty, Flex, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../http/formErrors.ts';
import { badgeText, POLL_MS, safeLink, useMarkRead, useNotifications, type AppNotification } from './notifications.ts';

const RECENT = 8;

/** "刚刚", "5分钟前", "3小时前", "昨天 14:05", "11-02 09:00". */
export function whenText(iso: string, now = dayjs()): string {
  const at = dayjs(iso);
  const minutes = now.diff(at, 'minute');
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes}分钟前`;
  if (now.isSame(at, 'day')) return `${now.diff(at, 'hour')}小时前`;
  if (now.subtract(1, 'day').isSame(at, 'day')) return `昨天 ${at.format('HH:mm')}`;
  return at.format(now.isSame(at, 'year') ? 'MM-DD HH:mm' : 'YYYY-MM-DD');
}

/** One notification: unread ones bold with a dot; clicking marks it read and opens its target. */
export function NotificationItem({ item, onOpen }: { item: AppNotification; onOpen: (item: AppNotification) => void }) {
  const unread = !item.readAt;
  return (
    <List.Item style={{ paddingInline: 4 }}>
      <button
        type="button"
        onClick={() => onOpen(item)}
        style={{ all: 'unset', display: 'block', width: '100%', cursor: 'pointer' }}
        aria-label={`${unread ? '未读：' : ''}${item.title}`}
      >
        <Flex gap={8} align="baseline">
          <Badge status={unread ? 'error' : 'default'} />
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text strong={unread} type={unread ? undefined : 'secondary'} style={{ display: 'block' }}>
              {item.title}
            </Typography.Text>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0', fontSize: 12 }}>
              {item.body}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {whenText(item.createdAt)}
            </Typography.Text>
          </div>
        </Flex>
      </button>
    </List.Item>
  );
}

/** Opening a notification: read it, then go where it points. */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { markOne } = useMarkRead();
  return (item: AppNotification) => {
    if (!item.readAt) void markOne(item.id).catch((error: unknown) => void message.error(errorMessage(error)));
    const to = safeLink(item.link);
    after?.();
    if (to) void navigate(to);
  };
}

interface BellProps {
  /** Phones open a drawer instead of a popover. */
  compact: boolean;
  /** Polling interval; tests shorten it. */
  pollMs?: number;
}

/**
 * The header's bell: the unread count (asked every minute while the tab is visible, not at all
 * while it is hidden), the latest notifications, mark one or all read, and the full list.
 */
export function NotificationBell({ compact, pollMs = POLL_MS }: BellProps) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  const recent = useNotifications({ pageSize: RECENT }, pollMs);
  const { markAll } = useMarkRead();
  const openItem = useOpenNotification(() => setOpen(false));
  const unread = recent.data?.unread ?? 0;
  const count = badgeText(unread);

  const content = (
    <div style={{ width: compact ? '100%' : 360 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{unread > 0 ? `${unread}条未读` : '没有未读通知'}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          onClick={() => void markAll().catch((error: unknown) => void message.error(errorMessage(error)))}
          style={{ paddingInline: 0 }}
        >
          全部标为已读
        </Button>
      </Flex>
      {recent.error ? (
        <Typography.Text type="danger">{errorMessage(recent.error)}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={recent.isPending}
          dataSource={recent.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知。要求即将到期或逾期时，会在这里提醒您。" /> }}
          renderItem={(item) => <NotificationItem item={item} onOpen={openItem} />}
          style={{ maxHeight: compact ? undefined : 420, overflowY: 'auto' }}
        />
      )}
      <div style={{ textAlign: 'center', borderTop: '1px solid #f0f0f0', paddingTop: 8, marginTop: 4 }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          查看全部通知
        </Link>
      </div>
    </div>
  );

  const button = (
    <Button
      type="text"
      className="lz-header-button"
      aria-label={count ? `通知，${unread}条未读` : '通知'}
      onClick={compact ? () => setOpen(true) : undefined}
      style={{ paddingInline: 8 }}
    >
      <Badge count={count} size="small" offset={[2, -2]} title={count ? `${unread}条未读` : undefined}>
        <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
      </Badge>
    </Button>
  );

  if (compact) {
    return (
      <>
        {button}
        <Drawer open={open} onClose={() => setOpen(false)} title="通知" placement="right" size="100%" styles={{ body: { paddingTop: 8 } }}>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      {button}
    </Popover>
  );
}
