import { z } from 'zod';

export const NotificationListQuery = z.object({
  unread: z.enum(['true', 'false']).default('false').describe('true：只看未读'),
  page: z.coerce.number().int().min(1).default(1).describe('页码，从1开始'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数，最多100'),
});

export const NotificationParams = z.object({ id: z.string().min(1).max(100).describe('通知ID') });

export const Notification = z.object({
  id: z.string(),
  kind: z.string().describe('类型：compliance.due_soon 即将到期、compliance.overdue 已逾期'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('点击后打开的页面'),
  orgId: z.string().nullable().describe('相关组织'),
  createdAt: z.string(),
  readAt: z.string().nullable().describe('阅读时间，未读为空'),
});

export const NotificationList = z.object({
  items: z.array(Notification),
  total: z.number().int().describe('符合条件的通知数'),
  unread: z.number().int().describe('未读通知数'),
});

export const ReadAllResult = z.object({ ok: z.literal(true), count: z.number().int().describe('本次标为已读的通知数') });
