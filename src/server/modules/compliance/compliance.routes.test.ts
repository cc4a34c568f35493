import { afterEach, beforeEach, expect, it } from 'vitest';
import { insertRecords } from '../../../../test/support/complianceFixtures.ts';
import { closeWorld, type ComplianceWorld, complianceWorld, PACK, setBusinessToday } from '../../../../test/support/complianceWorld.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { systemActor } from '../../platform/context.ts';
import { getMatrix } from './compliance.service.ts';

// Compliance of the demo bureau on 2026-05-20 (a Wednesday in ISO week 21): Q1 and the first four
// months are over, May, Q2, H1 and the year are running.

interface CellDto { period: string; status: string; count: number; from: string; to: string }
interface RuleDto { ruleId: string; cells: CellDto[]; effectiveMin: number; override: unknown }
type Tally = { applicable: number; met: number; due: number; overdue: number; rate: number | null };
type RollupDto = Tally & { orgId: string; orgName: string; depth: number; parentId: string | null; subtree: Tally };

const statuses = (rule: RuleDto) => Object.fromEntries(rule.cells.map((c) => [c.period, c.status]));

describeEachDialect('compliance statuses', (dialect) => {
  let w: ComplianceWorld;
  beforeEach(async () => {
    w = await complianceWorld(dialect, '2026-05-20');
    const { root, office, publicity } = w.orgs;
    await insertRecords(w.t.ctx.db, [
      { orgId: root, typeId: 'topic_meeting', occurredOn: '2026-02-10', fields: { is_ideology_topic: true } },
      { orgId: root, typeId: 'topic_meeting', occurredOn: '2026-04-15', fields: { is_ideology_topic: false } },
      { orgId: root, typeId: 'situation_analysis', occurredOn: '2026-03-01' },
      { orgId: root, typeId: 'opinion_bulletin', occurredOn: '2025-12-30' }, // Tuesday of 2026-W01
      { orgId: root, typeId: 'opinion_bulletin', occurredOn: '2026-01-05' }, // Monday of 2026-W02
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2026-01-08', fields: { kind: 'committee' } },
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2026-03-31', fields: { kind: 'committee' } },
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2026-02-20', fields: { kind: 'committee' }, deleted: true },
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2026-02-21', fields: { kind: 'committee' }, packId: 'other_pack' },
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2026-02-25', fields: { kind: 'lecture' } },
      { orgId: office, typeId: 'branch_meeting', occurredOn: '2025-12-31', fields: { kind: 'committee' } },
      { orgId: publicity, typeId: 'branch_meeting', occurredOn: '2026-05-06', fields: { kind: 'committee' } },
    ]);
  });
  afterEach(() => closeWorld(w));

  it('shows an org its rules × periods, overdue rules first, counting its own live records of the pack only', async () => {
    const res = await w.clerk.get(`/api/compliance/matrix?orgId=${w.orgs.office}&packId=${PACK}&year=2026`);
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ org: { id: w.orgs.office, kind: 'department' }, year: 2026, today: '2026-05-20' });
    expect(m.rules.map((r: RuleDto) => r.ruleId)).toEqual(['R-COMMITTEE', 'R-LECTURE', 'R-REPORT', 'R-HIGH-MEDIA', 'R-TAGGED']);
    const [committee, lecture] = m.rules as RuleDto[];
    expect(statuses(committee!)).toMatchObject({ '2026-01': 'met', '2026-02': 'overdue', '2026-03': 'met', '2026-04': 'overdue', '2026-05': 'due', '2026-06': 'upcoming' });
    expect(committee!.cells[0]).toEqual({ period: '2026-01', from: '2026-01-01', to: '2026-01-31', status: 'met', count: 1 });
    expect(statuses(lecture!)).toEqual({ '2026-Q1': 'met', '2026-Q2': 'due', '2026-Q3': 'upcoming', '2026-Q4': 'upcoming' });
    expect(m.periods).toMatchObject({ month: expect.any(Array), quarter: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], half_year: ['2026-H1', '2026-H2'], year: ['2026'] });
  });

  it('counts filtered rules with booleans and weeks, the week that straddles New Year included', async () => {
    const m = (await w.leader.get(`/api/compliance/matrix?packId=${PACK}&year=2026`)).json();
    const rule = (id: string) => (m.rules as RuleDto[]).find((r) => r.ruleId === id)!;
    expect(statuses(rule('R-TOPIC'))).toMatchObject({ '2026-Q1': 'met', '2026-Q2': 'due' });
    expect(rule('R-ANALYSIS').cells).toEqual([{ period: '2026', from: '2026-01-01', to: '2026-12-31', status: 'due', count: 1 }]);
    const weekly = statuses(rule('R-WEEKLY'));
    expect(Object.keys(weekly)[0]).toBe('2026-W01');
    expect(weekly).toMatchObject({ '2026-W01': 'met', '2026-W02': 'met', '2026-W03': 'overdue', '2026-W20': 'overdue', '2026-W21': 'due', '2026-W22': 'upcoming' });
    expect(m.rules[0].ruleId).toBe('R-WEEKLY');
  });

  it('turns a quarter overdue the day after its last day', async () => {
    const query = { orgId: w.orgs.library, packId: PACK, year: 2026 };
    setBusinessToday('2026-03-31');
    const lastDay = await getMatrix(w.t.ctx, systemActor(), query);
    setBusinessToday('2026-04-01');
    const nextDay = await getMatrix(w.t.ctx, systemActor(), query);
    const q1 = (m: typeof lastDay) => m.rules.find((r) => r.ruleId === 'R-LECTURE')!.cells[0]!.status;
    expect([lastDay.today, q1(lastDay)]).toEqual(['2026-03-31', 'due']);
    expect([nextDay.today, q1(nextDay)]).toEqual(['2026-04-01', 'overdue']);
  });

  it('rolls the subtree up: each unit its own statuses, totals over the subtree', async () => {
    const res = await w.leader.get(`/api/compliance/rollup?packId=${PACK}&year=2026`);
    expect(res.statusCode).toBe(200);
    const items = res.json() as RollupDto[];
    expect(items).toHaveLength(12);
    expect(items[0]).toMatchObject({ orgId: w.orgs.root, depth: 0, parentId: null });
    const office = items.find((i) => i.orgId === w.orgs.office)!;
    expect(office).toMatchObject({ depth: 1, parentId: w.orgs.root, met: 3, overdue: 2, due: 5, applicable: 10, rate: 0.3 });
    expect(items.find((i) => i.orgId === w.orgs.library)).toMatchObject({ met: 0, overdue: 5, due: 5, rate: 0 });
    const sum = (key: keyof Tally) => items.reduce((total, i) => total + (i[key] as number), 0);
    expect(items[0]!.subtree).toMatchObject({ applicable: sum('applicable'), met: sum('met'), due: sum('due'), overdue: sum('overdue') });
    expect(office.subtree).toMatchObject({ applicable: 10, met: 3 });

    const q1 = (await w.leader.get(`/api/compliance/rollup?packId=${PACK}&year=2026&period=2026-Q1`)).json() as RollupDto[];
    expect(q1.find((i) => i.orgId === w.orgs.office)).toMatchObject({ met: 3, overdue: 1, due: 0, applicable: 4 });
    const unit = (await w.libraryLiaison.get(`/api/compliance/rollup?packId=${PACK}&year=2026`)).json() as RollupDto[];
    expect(unit.map((i) => i.orgId)).toEqual([w.orgs.library]);
  });

  it('drills down from every cell to exactly the records it counted', async () => {
    for (const orgId of [w.orgs.office, w.orgs.root]) {
      const m = (await w.clerk.get(`/api/compliance/matrix?orgId=${orgId}&packId=${PACK}&year=2026`)).json();
      for (const rule of m.rules as RuleDto[]) {
        for (const cell of rule.cells) {
          const res = await w.clerk.get(`/api/compliance/records?orgId=${orgId}&packId=${PACK}&ruleId=${rule.ruleId}&period=${cell.period}`);
          expect(res.json().total, `${rule.ruleId} ${cell.period}`).toBe(cell.count);
        }
      }
    }
    const committee = (await w.clerk.get(`/api/compliance/records?orgId=${w.orgs.office}&packId=${PACK}&ruleId=R-COMMITTEE&period=2026-Q1`)).json();
    expect(committee.items.map((r: { occurredOn: string }) => r.occurredOn)).toEqual(['2026-01-08', '2026-03-31']);
    expect(committee.items[0]).toMatchObject({ typeId: 'branch_meeting', orgId: w.orgs.office, orgName: '办公室' });
  });

  it('lists what falls due in the next 30 days, soonest first, skipping what is met', async () => {
    const res = await w.leader.get(`/api/compliance/calendar?packId=${PACK}`);
    expect(res.statusCode).toBe(200);
    const { today, days, items } = res.json();
    expect([today, days]).toEqual(['2026-05-20', 30]);
    expect(items[0]).toMatchObject({ orgId: w.orgs.root, ruleId: 'R-WEEKLY', period: '2026-W21', to: '2026-05-24', daysLeft: 4, status: 'due' });
    const may = items.filter((i: { ruleId: string }) => i.ruleId === 'R-COMMITTEE');
    expect(may).toHaveLength(10);
    expect(may.find((i: { orgId: string }) => i.orgId === w.orgs.office)).toMatchObject({ period: '2026-05', daysLeft: 11, count: 0, effectiveMin: 1, override: null });
    expect(may.some((i: { orgId: string }) => i.orgId === w.orgs.publicity)).toBe(false);
    expect(items.every((i: { to: string }) => i.to >= '2026-05-20' && i.to <= '2026-06-19')).toBe(true);
    const week = (await w.leader.get(`/api/compliance/calendar?packId=${PACK}&days=3`)).json();
    expect(week.items).toEqual([]);
  });

  it('gives the dashboard its three series', async () => {
    const d = (await w.leader.get(`/api/compliance/dashboard?packId=${PACK}&year=2026`)).json();
    expect(d.recordsByMonth).toHaveLength(12);
    expect(d.recordsByMonth.slice(0, 5).map((m: { count: number }) => m.count)).toEqual([2, 2, 2, 1, 1]);
    expect(d.overdueByRule).toEqual([
      { ruleId: 'R-COMMITTEE', name: '支委会', overdue: 42 },
      { ruleId: 'R-WEEKLY', name: '舆情周报', overdue: 18 },
      { ruleId: 'R-LECTURE', name: '党课', overdue: 10 },
    ]);
    expect(d.completionByUnit).toHaveLength(12);
    expect(d.completionByUnit[0].rate).toBe(0);
    expect(d.completionByUnit.find((u: { orgId: string }) => u.orgId === w.orgs.office)).toMatchObject({ rate: 0.3 });
  });

  it('refuses unknown packs, rules and periods with a reason', async () => {
    const packRes = await w.leader.get('/api/compliance/matrix?packId=nope');
    expect([packRes.statusCode, packRes.json().error.message]).toEqual([404, '制度包“nope”不存在']);
    const rule = await w.leader.get(`/api/compliance/records?packId=${PACK}&ruleId=NOPE&period=2026-Q1`);
    expect([rule.statusCode, rule.json().error.field]).toEqual([404, 'ruleId']);
    const period = await w.leader.get(`/api/compliance/records?packId=${PACK}&ruleId=R-TOPIC&period=2025-W53`);
    expect(period.statusCode).toBe(400);
    expect(period.json().error.message).toContain('周期格式不正确');
    expect((await w.leader.get(`/api/compliance/matrix?packId=${PACK}&year=1999`)).statusCode).toBe(400);
    expect((await w.sysadmin.get(`/api/compliance/matrix?packId=${PACK}`)).statusCode).toBe(403);
  });
});
