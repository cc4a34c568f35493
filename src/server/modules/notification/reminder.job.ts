import { addDays } from '../../../core/compliance/period.ts';
import { REMINDER_KINDS, reminderKind, reminderText, type ReminderKind } from '../../../core/compliance/reminders.ts';
import type { Pack } from '../../../core/pack/schema.ts';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { businessToday } from '../compliance/compliance.access.ts';
import { evaluateOrgs } from '../compliance/compliance.engine.ts';
import { listOrgsInSubtree } from '../org/org.repository.ts';
import { getSetting } from '../settings/setting.repository.ts';
import { acquireLease } from './jobLease.repository.ts';
import { insertNotifications } from './notification.repository.ts';
import type { NotificationTable } from './notification.table.ts';
import { accountsWithRoles, dutyHolderAccounts } from './reminder.repository.ts';

// The reminder job: evaluates every active org against every pack around today and notifies the
// responsible users of requirements falling due soon or just overdue. Safe to run from several
// processes at once: only the lease holder runs, and each notification's dedupe key (rule, org,
// period, kind, user) is unique in the database, so a reminder goes out exactly once.

export const REMINDER_JOB = 'compliance.reminders';
export const DAYS_BEFORE_KEY = 'reminders.daysBefore';
export const DEFAULT_DAYS_BEFORE = 7;
/** Periods that ended up to this long ago still get their overdue notice (e.g. after downtime). */
const OVERDUE_LOOKBACK_DAYS = 31;

export async function reminderDaysBefore(db: Db | Transaction<Database>): Promise<number> {
  const saved = await getSetting<unknown>(db, DAYS_BEFORE_KEY);
  return typeof saved === 'number' && Number.isInteger(saved) && saved >= 0 && saved <= 90 ? saved : DEFAULT_DAYS_BEFORE;
}

export interface ReminderOptions {
  /** Who runs the job (process-unique); the lease records it. */
  holder: string;
  /** How long the lease holds without renewal. */
  leaseMs: number;
  /** The business date; defaults to today in Asia/Shanghai. */
  today?: string;
}

export interface ReminderRun {
  /** False when another process holds the lease. */
  ran: boolean;
  /** Notifications created by this run (not counting those that existed already). */
  notified: number;
}

export async function runReminders(ctx: AppContext, opts: ReminderOptions): Promise<ReminderRun> {
  if (!(await acquireLease(ctx.db, REMINDER_JOB, opts.holder, opts.leaseMs))) return { ran: false, notified: 0 };
  const today = opts.today ?? businessToday();
  const daysBefore = await reminderDaysBefore(ctx.db);
  const orgs = await listOrgsInSubtree(ctx.db, '/', { includeInactive: false });
  let notified = 0;
  for (const pack of ctx.packs.all()) notified += await remindPack(ctx, pack, orgs, today, daysBefore);
  return { ran: true, notified };
}

interface Due {
  orgId: string;
  orgName: string;
  ruleId: string;
  ruleName: string;
  dutyRole: string;
  period: string;
  min: number;
  count: number;
  to: string;
  kind: ReminderKind;
}

async function remindPack(ctx: AppContext, pack: Pack, orgs: Parameters<typeof evaluateOrgs>[1]['orgs'], today: string, daysBefore: number): Promise<number> {
  const span = { start: addDays(today, -OVERDUE_LOOKBACK_DAYS), end: addDays(today, daysBefore) };
  const evaluation = await evaluateOrgs(ctx, { pack, orgs, scope: { all: true }, span, today });
  const due: Due[] = evaluation.orgs.flatMap(({ org, rules }) =>
    rules.flatMap(({ effective, cells }) =>
      cells.flatMap((cell) => {
        const kind = reminderKind(cell, today, daysBefore);
        return kind
          ? [{ orgId: org.id, orgName: org.name, ruleId: effective.rule.id, ruleName: effective.rule.name, dutyRole: effective.rule.dutyRole, period: cell.period, min: effective.min, count: cell.count, to: cell.to, kind }]
          : [];
      }),
    ),
  );
  if (due.length === 0) return 0;
  const recipients = await recipientsFor(ctx.db, [...new Set(due.map((d) => Number(d.to.slice(0, 4))))]);
  const at = nowIso();
  const rows: NotificationTable[] = due.flatMap((d) => {
    const { title, body } = reminderText(d.kind, d, today);
    const link = `/compliance?orgId=${d.orgId}&packId=${pack.id}&year=${d.to.slice(0, 4)}&ruleId=${encodeURIComponent(d.ruleId)}&period=${d.period}`;
    return recipients(d).map((userId) => ({
      id: newId(), user_id: userId, kind: REMINDER_KINDS[d.kind], title, body, link, org_id: d.orgId,
      dedupe_key: [pack.id, d.ruleId, d.orgId, d.period, d.kind, userId].join('|'), created_at: at, read_at: null,
    }));
  });
  return insertNotifications(ctx.db, rows);
}

/** Resolves who gets a reminder: duty-role holders, else the org's clerks; leaders too when overdue. */
async function recipientsFor(db: Db, years: number[]): Promise<(d: Due) => string[]> {
  const byDuty = new Map<string, string[]>();
  for (const r of await dutyHolderAccounts(db, years)) {
    const key = `${r.org_id}|${r.year}|${r.role}`;
    byDuty.set(key, [...(byDuty.get(key) ?? []), r.user_id]);
  }
  const byRole = new Map<string, string[]>();
  for (const r of await accountsWithRoles(db, ['clerk', 'leader'])) {
    const key = `${r.org_id}|${r.role}`;
    byRole.set(key, [...(byRole.get(key) ?? []), r.user_id]);
  }
  return (d) => {
    const holders = byDuty.get(`${d.orgId}|${d.to.slice(0, 4)}|${d.dutyRole}`) ?? [];
    const responsible = holders.length > 0 ? holders : (byRole.get(`${d.orgId}|clerk`) ?? []);
    const leaders = d.kind === 'overdue' ? (byRole.get(`${d.orgId}|leader`) ?? []) : [];
    return [...new Set([...responsible, ...leaders])];
  };
}
