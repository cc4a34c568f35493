import type { Cell } from './evaluate.ts';
import { daysBetween, periodLabel } from './period.ts';

// Which cells deserve a reminder, and its wording. A running period that is not met gets a
// "falls due soon" notice once it ends within `daysBefore` days; a period that has ended unmet gets
// an "overdue" notice. Each goes out once per user: the job's dedupe key sees to that.

export type ReminderKind = 'due_soon' | 'overdue';

export const REMINDER_KINDS: Record<ReminderKind, string> = {
  due_soon: 'compliance.due_soon',
  overdue: 'compliance.overdue',
};

export function reminderKind(cell: Pick<Cell, 'status' | 'to'>, today: string, daysBefore: number): ReminderKind | null {
  if (cell.status === 'due' && daysBetween(today, cell.to) <= daysBefore) return 'due_soon';
  if (cell.status === 'overdue') return 'overdue';
  return null;
}

export interface ReminderSubject {
  orgName: string;
  ruleName: string;
  period: string;
  /** The threshold in force for the org. */
  min: number;
  count: number;
  /** Last day of the period. */
  to: string;
}

/** Title and body of a reminder, in Chinese. */
export function reminderText(kind: ReminderKind, s: ReminderSubject, today: string): { title: string; body: string } {
  const label = periodLabel(s.period);
  const asked = `${s.orgName}${label}“${s.ruleName}”要求至少${s.min}次，`;
  if (kind === 'overdue') {
    return { title: `【已逾期】${s.orgName}：${s.ruleName}（${label}）`, body: `${asked}实际记录${s.count}次，已于${s.to}到期，请尽快补齐并说明情况。` };
  }
  const left = daysBetween(today, s.to);
  return {
    title: `【即将到期】${s.orgName}：${s.ruleName}（${label}）`,
    body: `${asked}目前已记录${s.count}次，${s.to}到期（${left === 0 ? '今天到期' : `还剩${left}天`}）。`,
  };
}
