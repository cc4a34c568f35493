import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeWorld, type ComplianceWorld, complianceWorld, PACK } from '../../../../test/support/complianceWorld.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { accountIn, auditEntries } from '../../../../test/support/orgFixtures.ts';

// Local variants of the pack's rules (本地实施细则): thresholds and switches set on an org for its
// subtree, the nearest one winning, audited, and shown beside the statuses.

interface RuleDto { ruleId: string; enabled: boolean; effectiveMin: number; min: number; override: { orgName: string; min: number | null; reason: string } | null; cells: { status: string }[] }

describeEachDialect('rule overrides', (dialect) => {
  let w: ComplianceWorld;
  beforeEach(async () => {
    w = await complianceWorld(dialect, '2026-05-20');
  });
  afterEach(() => closeWorld(w));

  const put = (client = w.clerk, orgId: string, ruleId: string, body: Record<string, unknown>) =>
    client.put(`/api/orgs/${orgId}/rule-overrides/${ruleId}`, { packId: PACK, ...body });
  const rule = async (orgId: string, ruleId: string): Promise<RuleDto | undefined> =>
    ((await w.leader.get(`/api/compliance/matrix?orgId=${orgId}&packId=${PACK}&year=2026`)).json().rules as RuleDto[]).find((r) => r.ruleId === ruleId);

  it('changes a threshold for the org and its subtree, audited with its reason, shown beside the status', async () => {
    const res = await put(w.clerk, w.orgs.root, 'R-REPORT', { min: 3, enabled: true, reason: '本市实施细则要求每半年汇报三次' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ruleId: 'R-REPORT', ruleName: '专题汇报', orgId: w.orgs.root, inherited: false, min: 3, enabled: true, packMin: 1 });
    for (const orgId of [w.orgs.root, w.orgs.office]) {
      expect(await rule(orgId, 'R-REPORT')).toMatchObject({ min: 1, effectiveMin: 3, enabled: true, override: { orgName: '示例市文化广电旅游局党组', min: 3, reason: '本市实施细则要求每半年汇报三次' } });
    }
    const [entry] = await auditEntries(w.t, 'rule_override.set');
    expect(entry).toMatchObject({ target_type: 'org', target_id: w.orgs.root, result: 'success' });
    expect(entry!.summary).toMatchObject({ rule: 'R-REPORT', pack: PACK, packMin: 1, from: null, to: { min: 3, enabled: true, reason: '本市实施细则要求每半年汇报三次' } });

    await put(w.leader, w.orgs.root, 'R-REPORT', { min: null, enabled: true, reason: '恢复制度包规定' });
    expect((await auditEntries(w.t, 'rule_override.set'))[1]!.summary).toMatchObject({ from: { min: 3 }, to: { min: null } });
    expect(await rule(w.orgs.office, 'R-REPORT')).toMatchObject({ effectiveMin: 1, override: { min: null } });
  });

  it('switches a rule off for a subtree, which then owes nothing for it', async () => {
    const before = (await w.leader.get(`/api/compliance/rollup?orgId=${w.orgs.office}&packId=${PACK}&year=2026`)).json()[0];
    await put(w.clerk, w.orgs.root, 'R-COMMITTEE', { enabled: false, reason: '机关科室不单独召开支委会' });
    const off = await rule(w.orgs.office, 'R-COMMITTEE');
    expect(off).toMatchObject({ enabled: false, override: { reason: '机关科室不单独召开支委会' } });
    expect(off!.cells.every((c) => c.status === 'not_applicable')).toBe(true);
    const after = (await w.leader.get(`/api/compliance/rollup?orgId=${w.orgs.office}&packId=${PACK}&year=2026`)).json()[0];
    expect(before.applicable - after.applicable).toBe(5);
    const calendar = (await w.leader.get(`/api/compliance/calendar?packId=${PACK}`)).json();
    expect(calendar.items.some((i: { ruleId: string }) => i.ruleId === 'R-COMMITTEE')).toBe(false);
  });

  it('lets the nearest override on the path win, and a unit restore or switch on a rule for itself', async () => {
    await put(w.clerk, w.orgs.root, 'R-LECTURE', { enabled: false, reason: '上级统一组织党课' });
    expect((await put(w.libraryClerk, w.orgs.library, 'R-LECTURE', { enabled: true, min: 2, reason: '馆内党支部单独开展党课' })).statusCode).toBe(200);
    expect(await rule(w.orgs.library, 'R-LECTURE')).toMatchObject({ enabled: true, effectiveMin: 2, override: { orgName: '市图书馆' } });
    expect(await rule(w.orgs.office, 'R-LECTURE')).toMatchObject({ enabled: false, override: { orgName: '示例市文化广电旅游局党组' } });
    // A rule the pack ships switched off appears once an override switches it on.
    expect(await rule(w.orgs.museum, 'R-OUTLET')).toBeUndefined();
    await put(w.clerk, w.orgs.root, 'R-OUTLET', { enabled: true, reason: '本市要求每季度巡查阵地' });
    expect(await rule(w.orgs.museum, 'R-OUTLET')).toMatchObject({ enabled: true, effectiveMin: 1 });

    const list = (await w.libraryLiaison.get(`/api/orgs/${w.orgs.library}/rule-overrides?packId=${PACK}`)).json().items;
    expect(list.map((o: { ruleId: string; inherited: boolean }) => [o.ruleId, o.inherited])).toEqual([['R-LECTURE', false], ['R-OUTLET', true]]);

    expect((await w.libraryClerk.delete(`/api/orgs/${w.orgs.library}/rule-overrides/R-LECTURE?packId=${PACK}`)).json()).toEqual({ ok: true });
    expect(await rule(w.orgs.library, 'R-LECTURE')).toMatchObject({ enabled: false, override: { orgName: '示例市文化广电旅游局党组' } });
    const again = await w.libraryClerk.delete(`/api/orgs/${w.orgs.library}/rule-overrides/R-LECTURE?packId=${PACK}`);
    expect(again.statusCode).toBe(404);
    expect((await auditEntries(w.t, 'rule_override.delete'))[0]!.summary).toMatchObject({ rule: 'R-LECTURE', org: '市图书馆', was: { min: 2, enabled: true } });
  });

  it('requires a reason and sane values, naming the field', async () => {
    const noReason = await put(w.clerk, w.orgs.root, 'R-REPORT', { min: 2, enabled: true, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    expect(noReason.json().error.message).toContain('请填写调整理由（如依据的本地实施细则）');
    const zero = await put(w.clerk, w.orgs.root, 'R-REPORT', { min: 0, enabled: true, reason: '理由' });
    expect(zero.json().error.field).toBe('min');
    expect(zero.json().error.message).toContain('最低次数至少为1');
    const missing = await put(w.clerk, w.orgs.root, 'R-REPORT', { reason: '理由' });
    expect(missing.json().error.field).toBe('enabled');
    const unknownRule = await put(w.clerk, w.orgs.root, 'R-NOPE', { enabled: false, reason: '理由' });
    expect([unknownRule.statusCode, unknownRule.json().error.field]).toEqual([404, 'ruleId']);
    const unknownPack = await w.clerk.put(`/api/orgs/${w.orgs.root}/rule-overrides/R-REPORT`, { packId: 'nope', enabled: false, reason: '理由' });
    expect(unknownPack.statusCode).toBe(404);
    expect(await auditEntries(w.t, 'rule_override.set')).toEqual([]);
  });

  it('is for leaders and party-affairs staff only', async () => {
    const inspector = await accountIn(w.t, { orgId: w.orgs.root, roles: ['inspector'] });
    for (const client of [w.libraryLiaison, inspector, w.sysadmin]) {
      expect((await put(client, w.orgs.library, 'R-REPORT', { enabled: false, reason: '理由' })).statusCode).toBe(403);
    }
    expect((await inspector.get(`/api/orgs/${w.orgs.library}/rule-overrides?packId=${PACK}`)).statusCode).toBe(200);
  });
});
