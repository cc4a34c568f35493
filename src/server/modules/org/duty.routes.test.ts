import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { auditEntries, type DemoBureau, demoBureau, orgIdByCode, personIdByName } from '../../../../test/support/orgFixtures.ts';

describeEachDialect('duty roles and leading groups', (dialect) => {
  let w: DemoBureau;
  const year = new Date().getFullYear();
  beforeEach(async () => {
    w = await demoBureau(dialect);
  });
  afterEach(async () => {
    await w.t.close();
  });

  it('lists this year’s duty roles, secretary first', async () => {
    const res = await w.admin.get(`/api/orgs/${w.rootId}/duty-assignments`);
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(5);
    expect(items[0]).toMatchObject({ personName: '王建国', role: 'first_responsible', roleLabel: '第一责任人', year, position: '党组书记、局长' });
    expect(items[1]).toMatchObject({ personName: '李红梅', roleLabel: '直接责任人' });
    expect((await w.admin.get(`/api/orgs/${w.rootId}/duty-assignments?year=${year - 1}`)).json()).toEqual({ items: [], total: 0 });
    expect((await w.admin.get(`/api/orgs/${w.rootId}/duty-assignments?year=abc`)).statusCode).toBe(400);
  });

  it('assigns and removes a duty role, refusing duplicates and a second secretary', async () => {
    const d05 = await orgIdByCode(w.t, 'D05');
    const head = await personIdByName(w.t, '何静');
    const res = await w.admin.post(`/api/orgs/${d05}/duty-assignments`, { personId: head, year, role: 'first_responsible' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgId: d05, personName: '何静', roleLabel: '第一责任人', year });
    const again = await w.admin.post(`/api/orgs/${d05}/duty-assignments`, { personId: head, year, role: 'first_responsible' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'DUPLICATE', field: 'personId' });
    const second = await w.admin.post(`/api/orgs/${d05}/duty-assignments`, { personId: await personIdByName(w.t, '吕鹏'), year, role: 'first_responsible' });
    expect(second.json().error).toMatchObject({ code: 'ROLE_TAKEN', field: 'role' });
    const badRole = await w.admin.post(`/api/orgs/${d05}/duty-assignments`, { personId: head, year, role: 'boss' });
    expect(badRole.json().error).toMatchObject({ code: 'VALIDATION', field: 'role' });
    const badYear = await w.admin.post(`/api/orgs/${d05}/duty-assignments`, { personId: head, year: 1899, role: 'direct' });
    expect(badYear.json().error).toMatchObject({ code: 'VALIDATION', field: 'year' });

    expect((await w.admin.delete(`/api/duty-assignments/${res.json().id}`)).json()).toEqual({ ok: true });
    expect((await w.admin.get(`/api/orgs/${d05}/duty-assignments`)).json().total).toBe(0);
    expect((await w.admin.delete(`/api/duty-assignments/${res.json().id}`)).statusCode).toBe(404);
    expect((await auditEntries(w.t, 'duty.assign'))[0]!.summary).toMatchObject({ person: '何静', role: 'first_responsible', year });
    expect(await auditEntries(w.t, 'duty.remove')).toHaveLength(1);
  });

  it('lists the leading group with each member’s own org, leader first', async () => {
    const { items, total } = (await w.admin.get(`/api/orgs/${w.rootId}/leading-group?year=${year}`)).json();
    expect(total).toBe(13);
    expect(items[0]).toMatchObject({ personName: '王建国', groupRole: 'leader', groupRoleLabel: '组长', personOrgName: '示例市文化广电旅游局党组' });
    expect(items.find((m: { personName: string }) => m.personName === '吴国华')).toMatchObject({
      groupRoleLabel: '办公室主任', personOrgName: '机关党委（人事科）',
    });
  });

  it('adds and removes group members, refusing a person twice and a second leader', async () => {
    const a01 = await orgIdByCode(w.t, 'A01');
    const director = await personIdByName(w.t, '姜宏');
    const res = await w.admin.post(`/api/orgs/${a01}/leading-group`, { personId: director, year, groupRole: 'leader' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgId: a01, personName: '姜宏', personOrgName: '市图书馆', groupRoleLabel: '组长' });
    const twice = await w.admin.post(`/api/orgs/${a01}/leading-group`, { personId: director, year, groupRole: 'member' });
    expect(twice.json().error).toMatchObject({ code: 'DUPLICATE', field: 'personId' });
    const secondLeader = await w.admin.post(`/api/orgs/${a01}/leading-group`, { personId: await personIdByName(w.t, '戚雪'), year, groupRole: 'leader' });
    expect(secondLeader.json().error).toMatchObject({ code: 'ROLE_TAKEN', field: 'groupRole' });
    const nextYear = await w.admin.post(`/api/orgs/${a01}/leading-group`, { personId: director, year: year + 1, groupRole: 'leader' });
    expect(nextYear.statusCode).toBe(200);
    expect((await w.admin.delete(`/api/leading-group-members/${res.json().id}`)).json()).toEqual({ ok: true });
    expect((await w.admin.get(`/api/orgs/${a01}/leading-group`)).json().total).toBe(0);
    expect(await auditEntries(w.t, 'leading_group.add')).toHaveLength(2);
    expect(await auditEntries(w.t, 'leading_group.remove')).toHaveLength(1);
  });
});
