import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { auditEntries, type DemoBureau, demoBureau, demoUser, orgIdByCode, personIdByName, rowCounts } from '../../../../test/support/orgFixtures.ts';

describeEachDialect('person routes', (dialect) => {
  let w: DemoBureau;
  beforeEach(async () => {
    w = await demoBureau(dialect);
  });
  afterEach(async () => {
    await w.t.close();
  });

  const create = (body: Record<string, unknown>) => w.admin.post('/api/people', body);

  it('adds a person and shows contact details masked everywhere but the audited contact route', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    const res = await create({ orgId: d01, name: '钱多多', position: '科员', phone: '13912345678', email: 'qian@example.com' });
    expect(res.statusCode).toBe(200);
    const person = res.json();
    expect(person).toMatchObject({ orgId: d01, orgName: '办公室', name: '钱多多', phone: '139****5678', email: 'q***@example.com', hasAccount: false });
    expect((await w.admin.get(`/api/people/${person.id}`)).json().phone).toBe('139****5678');
    const listed = (await w.admin.get('/api/people?q=钱多多')).json();
    expect(listed).toMatchObject({ total: 1, items: [{ phone: '139****5678' }] });

    // Stored sealed: the plaintext number is nowhere in the row.
    const row = await w.t.ctx.db.selectFrom('person').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('13912345678');
    expect(row.phone).toMatch(/^v1:/);

    expect(await auditEntries(w.t, 'pii.unmask')).toHaveLength(0);
    const contact = await w.admin.get(`/api/people/${person.id}/contact`);
    expect(contact.json()).toEqual({ phone: '13912345678', email: 'qian@example.com' });
    const [entry] = await auditEntries(w.t, 'pii.unmask');
    expect(entry).toMatchObject({ target_id: person.id, summary: { name: '钱多多' } });
    expect(JSON.stringify(entry)).not.toContain('13912345678');
    expect(JSON.stringify(await auditEntries(w.t, 'person.create'))).not.toContain('13912345678');
  });

  it('refuses malformed contact details and names with 400 naming the field', async () => {
    const before = await rowCounts(w.t);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ orgId: w.rootId, name: '甲', phone: '12345' }, 'phone', '电话号码格式不正确'],
      [{ orgId: w.rootId, name: '甲', email: 'not-an-email' }, 'email', '邮箱格式不正确'],
      [{ orgId: w.rootId, name: '' }, 'name', '请输入姓名'],
      [{ name: '甲' }, 'orgId', ''],
    ];
    for (const [body, field, message] of cases) {
      const res = await create(body);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.field).toBe(field);
      expect(res.json().error.message).toContain(message);
    }
    expect(await rowCounts(w.t)).toEqual(before);
  });

  it('lists with org, subtree, search, sort and paging', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    const all = (await w.admin.get('/api/people?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(35);
    const root = (await w.admin.get(`/api/people?orgId=${w.rootId}&subtree=false`)).json();
    expect(root.total).toBe(6); // the party group's leadership and its secretary
    expect((await w.admin.get(`/api/people?orgId=${w.rootId}`)).json().total).toBe(all.total);
    const office = (await w.admin.get(`/api/people?orgId=${d01}&sort=position&order=desc`)).json();
    expect(office.items.map((p: { position: string }) => p.position)).toEqual(['科员', '四级主任科员', '办公室主任']);
    const found = (await w.admin.get(`/api/people?q=${encodeURIComponent('书记、馆长')}&sort=org`)).json();
    expect(found.items.map((p: { orgName: string }) => p.orgName)).toEqual(['市博物馆', '市图书馆', '市文化馆']);
    const page2 = (await w.admin.get('/api/people?pageSize=10&page=2&sort=name')).json();
    expect(page2.items).toHaveLength(10);
    expect(page2.items[0].id).toBe(all.items[10].id);
    expect((await w.admin.get('/api/people?pageSize=500')).statusCode).toBe(400);
    // The clerk's demo account is linked to 郑雅琴.
    expect((await w.admin.get('/api/people?q=郑雅琴')).json().items[0].hasAccount).toBe(true);
  });

  it('edits a person: moves them, changes the position, clears contact with null', async () => {
    const d02 = await orgIdByCode(w.t, 'D02');
    const id = await personIdByName(w.t, '周丽');
    const res = await w.admin.patch(`/api/people/${id}`, { orgId: d02, position: '副主任', phone: null, email: 'zhou@example.com' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgId: d02, position: '副主任', phone: null, email: 'z***@example.com' });
    const [entry] = await auditEntries(w.t, 'person.update');
    expect(entry!.summary).toMatchObject({ name: '周丽', changes: { org: { from: '办公室', to: '机关党委（人事科）' } }, contactChanged: ['phone', 'email'] });
    expect(JSON.stringify(entry)).not.toContain('zhou@example.com');
    const bad = await w.admin.patch(`/api/people/${id}`, { phone: '139' });
    expect(bad.json().error.field).toBe('phone');
  });

  it('exports everything stored about a person as a JSON attachment, audited', async () => {
    const id = await personIdByName(w.t, '郑雅琴');
    const res = await w.admin.get(`/api/people/${id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const doc = res.json();
    expect(doc.person).toMatchObject({ name: '郑雅琴', position: '党务干事', phone: expect.stringMatching(/^1390000\d{4}$/), orgName: '机关党委（人事科）' });
    expect(doc.accounts).toEqual([expect.objectContaining({ username: 'clerk', disabled: false })]);
    const leader = (await w.admin.get(`/api/people/${await personIdByName(w.t, '王建国')}/export`)).json();
    expect(leader.dutyAssignments).toEqual([expect.objectContaining({ role: 'first_responsible', roleLabel: '第一责任人' })]);
    expect(leader.leadingGroupMemberships).toEqual([expect.objectContaining({ groupRole: 'leader', groupRoleLabel: '组长' })]);
    expect(await auditEntries(w.t, 'person.export')).toHaveLength(2);
  });

  it('deletes a person with their duty roles and memberships, keeping the account unlinked', async () => {
    const id = await personIdByName(w.t, '王建国');
    const res = await w.admin.delete(`/api/people/${id}`);
    expect(res.json()).toEqual({ ok: true });
    const db = w.t.ctx.db;
    expect(await db.selectFrom('person').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('duty_assignment').select('id').where('person_id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('leading_group_member').select('id').where('person_id', '=', id).execute()).toEqual([]);
    const account = await db.selectFrom('app_user').select('person_id').where('username', '=', 'leader').executeTakeFirstOrThrow();
    expect(account.person_id).toBeNull();
    const [entry] = await auditEntries(w.t, 'person.delete');
    expect(entry!.summary).toEqual({ name: '王建国' });
    expect((await w.admin.get(`/api/people/${id}`)).statusCode).toBe(404);
  });

  it('keeps people out of stopped orgs and contact details away from readers', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    await w.admin.post(`/api/orgs/${d01}/deactivate`);
    const res = await create({ orgId: d01, name: '新人' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'ORG_INACTIVE', field: 'orgId' });
    const inspector = await demoUser(w.t, 'inspector');
    const id = await personIdByName(w.t, '周丽');
    expect((await inspector.get(`/api/people/${id}`)).json().phone).toMatch(/^139\*{4}\d{4}$/);
    expect((await inspector.get(`/api/people/${id}/contact`)).statusCode).toBe(403);
    expect((await inspector.get(`/api/people/${id}/export`)).statusCode).toBe(403);
  });
});
