import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { actorOf } from '../../platform/guard.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { getOrg } from '../org/org.repository.ts';
import { putSetting } from '../settings/setting.repository.ts';
import { DAYS_BEFORE_KEY, reminderDaysBefore } from './reminder.job.ts';

// How many days before a period ends its reminder goes out. One setting for the whole instance, so
// only leaders and party-affairs staff of the top org may change it.

const tags = ['notifications'];
const ReminderSettings = z.object({
  daysBefore: z.number().int('天数须为整数').min(0, '天数不能小于0').max(90, '天数不能大于90').describe('到期前多少天提醒（0为仅当天）'),
}).strict();

export async function reminderSettingRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/reminders/settings',
    { config: { access: 'compliance.read' }, schema: { tags, summary: '到期提醒设置', response: { 200: ReminderSettings } } },
    async () => ({ daysBefore: await reminderDaysBefore(ctx.db) }),
  );

  app.put(
    '/api/reminders/settings',
    { config: { access: 'rule.override' }, schema: { tags, summary: '修改到期提醒设置（仅顶级组织）', body: ReminderSettings, response: { 200: ReminderSettings } } },
    async (request) => {
      const actor = actorOf(request);
      if ((await getOrg(ctx.db, actor.orgId))?.parent_id !== null) throw forbidden('提醒设置对全系统生效，只能由顶级组织修改');
      const { daysBefore } = request.body;
      await auditedWrite(ctx, actor, async (trx) => {
        const before = await reminderDaysBefore(trx);
        await putSetting(trx, DAYS_BEFORE_KEY, daysBefore, actor.userId);
        return { result: null, audit: { action: 'reminders.settings', targetType: 'setting', targetId: DAYS_BEFORE_KEY, summary: { daysBefore: { from: before, to: daysBefore } } } };
      });
      return { daysBefore };
    },
  );
}
