import { describe, expect, it } from 'vitest';
import type { CalendarItem } from './api.ts';
import { dayHeading, groupCalendar } from './calendarGroups.ts';

const item = (orgId: string, ruleId: string, to: string, status: CalendarItem['status'] = 'due'): CalendarItem => ({
  orgId, orgName: orgId === 'root' ? '市文旅局党组' : '市图书馆', ruleId, ruleName: ruleId, period: to.slice(0, 7), from: `${to.slice(0, 7)}-01`, to,
  daysLeft: to === '2026-11-30' ? 1 : 32, status, count: 0, effectiveMin: 1, override: null,
});

describe('calendar grouping', () => {
  it('groups by due date, then unit, soonest first, keeping the server order inside', () => {
    const days = groupCalendar([
      item('root', 'IW-05', '2026-11-30'),
      item('root', 'IW-01', '2026-12-31'),
      item('lib', 'IW-20', '2026-12-31', 'upcoming'),
      item('root', 'IW-02', '2026-12-31'),
    ]);
    expect(days.map((d) => [d.date, d.total, d.running])).toEqual([
      ['2026-11-30', 1, 1],
      ['2026-12-31', 3, 2],
    ]);
    expect(days[1]!.units.map((u) => [u.orgName, u.items.map((i) => i.ruleId)])).toEqual([
      ['市文旅局党组', ['IW-01', 'IW-02']],
      ['市图书馆', ['IW-20']],
    ]);
  });

  it('heads a day with its date and weekday', () => {
    expect(dayHeading('2026-12-31')).toBe('12月31日 周四');
    expect(dayHeading('2026-11-29')).toBe('11月29日 周日');
  });
});
