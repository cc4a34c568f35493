import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { actorOf } from '../../platform/guard.ts';
import { pageOf } from '../../platform/listQuery.ts';
import { NotificationList, NotificationListQuery, NotificationParams, ReadAllResult } from './notification.schema.ts';
import { listNotifications, markAllRead, markRead } from './notification.repository.ts';
import type { NotificationRow } from './notification.table.ts';
import { scheduleReminders } from './reminder.schedule.ts';
import { reminderSettingRoutes } from './reminderSettings.routes.ts';

// A user's own notifications (the bell): every signed-in user, own notifications only — another
// user's id answers 404 like one that does not exist.

const tags = ['notifications'];
const access = 'authenticated' as const;

const present = (n: NotificationRow) => ({
  id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, orgId: n.org_id, createdAt: n.created_at, readAt: n.read_at,
});

export async function notificationRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/notifications',
    { config: { access }, schema: { tags, summary: '我的通知（新的在前）与未读数', querystring: NotificationListQuery, response: { 200: NotificationList } } },
    async (request) => {
      const q = request.query;
      const page = await listNotifications(ctx.db, actorOf(request).userId, { unreadOnly: q.unread === 'true', ...pageOf(q) });
      return { ...page, items: page.items.map(present) };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { config: { access }, schema: { tags, summary: '标为已读', params: NotificationParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      if (!(await markRead(ctx.db, actorOf(request).userId, request.params.id))) throw notFound('通知');
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notifications/read-all',
    { config: { access }, schema: { tags, summary: '全部标为已读', response: { 200: ReadAllResult } } },
    async (request) => ({ ok: true as const, count: await markAllRead(ctx.db, actorOf(request).userId) }),
  );

  await reminderSettingRoutes(app, ctx);
  scheduleReminders(app, ctx);
}
