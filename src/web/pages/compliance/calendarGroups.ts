import type { CalendarItem } from './api.ts';

export interface CalendarUnit {
  orgId: string;
  orgName: string;
  items: CalendarItem[];
}

export interface CalendarDay {
  /** The due date, YYYY-MM-DD. */
  date: string;
  daysLeft: number;
  /** Items still owing something now (running, not met); the rest have not started yet. */
  running: number;
  units: CalendarUnit[];
  total: number;
}

/**
 * What falls due, by day and then by unit, in the server's order (soonest first, units in tree
 * order). Many requirements end on the same day (a quarter's, a half-year's and a year's all end on
 * 31 December), so a day lists its units, each with its requirements, rather than one long list.
 */
export function groupCalendar(items: readonly CalendarItem[]): CalendarDay[] {
  const days = new Map<string, CalendarDay>();
  for (const item of items) {
    let day = days.get(item.to);
    if (!day) days.set(item.to, (day = { date: item.to, daysLeft: item.daysLeft, running: 0, units: [], total: 0 }));
    let unit = day.units.find((u) => u.orgId === item.orgId);
    if (!unit) day.units.push((unit = { orgId: item.orgId, orgName: item.orgName, items: [] }));
    unit.items.push(item);
    day.total += 1;
    if (item.status === 'due') day.running += 1;
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "12月31日 周四". */
export function dayHeading(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${m}月${d}日 周${WEEKDAYS[weekday]}`;
}
