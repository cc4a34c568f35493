import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { accountIn, auditEntries, type DemoBureau, demoBureau, demoUser, orgIdByCode, rowCounts } from '../../../../test/support/orgFixtures.ts';

describeEachDialect('org routes', (dialect) => {
  let w: DemoBureau;
  beforeEach(async () => {
    w = await demoBureau(dialect);
  });
  afterEach(async () => {
    await w.t.close();
  });

  it('lists the subtree flat, shallow levels first, then by sort order', async () => {
    const res = await w.admin.get('/api/orgs');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(12);
    expect(items[0]).toMatchObject({ id: w.rootId, parentId: null, kind: 'party_group', kindLabel: '党组', active: true });
    expect(items.slice(1, 4).map((o: { code: string }) => o.code)).toEqual(['D01', 'D02', 'D03']);
    expect(items.at(-1)).toMatchObject({ code: 'A03', kindLabel: '直属单位', parentId: w.rootId });
  });

  it('creates an org under a parent, last among its siblings, and audits it', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    const first = await w.admin.post('/api/orgs', { parentId: d01, name: '办公室党支部', kind: 'branch', code: 'D01-B' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ parentId: d01, name: '办公室党支部', kindLabel: '党支部', code: 'D01-B', sortOrder: 1, active: true });
    const second = await w.admin.post('/api/orgs', { parentId: d01, name: '第二支部', kind: 'branch', code: '' });
    expect(second.json()).toMatchObject({ sortOrder: 2, code: null });
    expect(second.json().path).toBe(`/${w.rootId}/${d01}/${second.json().id}/`);
    const [entry] = await auditEntries(w.t, 'org.create');
    expect(entry).toMatchObject({ target_id: first.json().id, result: 'success' });
  });

  it('shows an org with its breadcrumb and counts', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    const child = (await w.admin.post('/api/orgs', { parentId: d01, name: '支部', kind: 'branch' })).json();
    const res = await w.admin.get(`/api/orgs/${child.id}`);
    expect(res.json()).toMatchObject({ ancestors: [{ id: w.rootId }, { id: d01, name: '办公室' }], childCount: 0, peopleCount: 0 });
    const dept = (await w.admin.get(`/api/orgs/${d01}`)).json();
    expect(dept).toMatchObject({ childCount: 1, peopleCount: 3 });
    // The office liaison's scope starts at 办公室: the bureau above is not part of the breadcrumb.
    const office = await demoUser(w.t, 'office');
    expect((await office.get(`/api/orgs/${child.id}`)).json().ancestors).toEqual([{ id: d01, name: '办公室' }]);
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ parentId: w.rootId, name: '新科', kind: 'ministry' }, 'kind'],
      [{ parentId: w.rootId, name: '  ', kind: 'department' }, 'name'],
      [{ name: '新科', kind: 'department' }, 'parentId'],
      [{ parentId: w.rootId, name: '新科', kind: 'department', code: 'has space' }, 'code'],
      [{ parentId: w.rootId, name: '新科', kind: 'department', sortOrder: 1.5 }, 'sortOrder'],
    ];
    for (const [body, field] of cases) {
      const res = await w.admin.post('/api/orgs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', field });
    }
    const d01 = await orgIdByCode(w.t, 'D01');
    const unknownField = await w.admin.patch(`/api/orgs/${d01}`, { parentId: w.rootId });
    expect(unknownField.statusCode).toBe(400);
  });

  it('refuses duplicate codes and sibling names with 409 naming the field', async () => {
    const before = await rowCounts(w.t);
    const code = await w.admin.post('/api/orgs', { parentId: w.rootId, name: '新科', kind: 'department', code: 'D01' });
    expect(code.statusCode).toBe(409);
    expect(code.json().error).toMatchObject({ code: 'ORG_CODE_TAKEN', field: 'code' });
    const name = await w.admin.post('/api/orgs', { parentId: w.rootId, name: '办公室', kind: 'department' });
    expect(name.statusCode).toBe(409);
    expect(name.json().error).toMatchObject({ code: 'ORG_NAME_TAKEN', field: 'name', message: '同一上级组织下已有名为“办公室”的组织' });
    expect(await rowCounts(w.t)).toEqual(before);
  });

  it('renames, recodes and clears the code; unchanged fields are not audited', async () => {
    const d03 = await orgIdByCode(w.t, 'D03');
    const res = await w.admin.patch(`/api/orgs/${d03}`, { name: '政策法规处', code: 'P03', sortOrder: 30 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '政策法规处', code: 'P03', sortOrder: 30 });
    const [entry] = await auditEntries(w.t, 'org.update');
    expect(entry!.summary).toMatchObject({ name: '政策法规科', changes: { name: { from: '政策法规科', to: '政策法规处' }, code: { from: 'D03', to: 'P03' } } });
    expect((await w.admin.patch(`/api/orgs/${d03}`, { code: null })).json().code).toBeNull();
    await w.admin.patch(`/api/orgs/${d03}`, { name: '政策法规处' });
    expect(await auditEntries(w.t, 'org.update')).toHaveLength(2);
    const clash = await w.admin.patch(`/api/orgs/${d03}`, { name: '艺术科' });
    expect(clash.json().error).toMatchObject({ code: 'ORG_NAME_TAKEN', field: 'name' });
    const codeClash = await w.admin.patch(`/api/orgs/${d03}`, { code: 'A01' });
    expect(codeClash.json().error).toMatchObject({ code: 'ORG_CODE_TAKEN', field: 'code' });
  });

  it('moves an org with its whole subtree, rewriting every path', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    const d02 = await orgIdByCode(w.t, 'D02');
    const branch = (await w.admin.post('/api/orgs', { parentId: d01, name: '支部', kind: 'branch' })).json();
    const group = (await w.admin.post('/api/orgs', { parentId: branch.id, name: '党小组', kind: 'branch' })).json();
    const res = await w.admin.post(`/api/orgs/${branch.id}/move`, { parentId: d02 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ parentId: d02, path: `/${w.rootId}/${d02}/${branch.id}/` });
    const moved = await w.t.ctx.db.selectFrom('org').select(['id', 'path']).where('id', '=', group.id).executeTakeFirstOrThrow();
    expect(moved.path).toBe(`/${w.rootId}/${d02}/${branch.id}/${group.id}/`);
    // Nothing else was touched.
    expect((await w.t.ctx.db.selectFrom('org').select('path').where('id', '=', d01).executeTakeFirstOrThrow()).path).toBe(`/${w.rootId}/${d01}/`);
    const [entry] = await auditEntries(w.t, 'org.move');
    expect(entry!.summary).toMatchObject({ from: '办公室', to: '机关党委（人事科）', orgs: 2 });
  });

  it('refuses to move the root, into its own subtree, under a stopped org, or onto a same-named sibling', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    const d02 = await orgIdByCode(w.t, 'D02');
    const branch = (await w.admin.post('/api/orgs', { parentId: d01, name: '支部', kind: 'branch' })).json();
    await w.admin.post('/api/orgs', { parentId: d02, name: '支部', kind: 'branch' });
    const root = await w.admin.post(`/api/orgs/${w.rootId}/move`, { parentId: d01 });
    expect(root.json().error.code).toBe('ROOT_ORG');
    const intoSelf = await w.admin.post(`/api/orgs/${d01}/move`, { parentId: d01 });
    expect(intoSelf.statusCode).toBe(422);
    expect(intoSelf.json().error).toMatchObject({ code: 'MOVE_INTO_SUBTREE', field: 'parentId' });
    const intoChild = await w.admin.post(`/api/orgs/${d01}/move`, { parentId: branch.id });
    expect(intoChild.json().error).toMatchObject({ code: 'MOVE_INTO_SUBTREE', field: 'parentId' });
    const clash = await w.admin.post(`/api/orgs/${branch.id}/move`, { parentId: d02 });
    expect(clash.statusCode).toBe(409);
    const d03 = await orgIdByCode(w.t, 'D03');
    await w.admin.post(`/api/orgs/${d03}/deactivate`);
    const stopped = await w.admin.post(`/api/orgs/${branch.id}/move`, { parentId: d03 });
    expect(stopped.json().error).toMatchObject({ code: 'PARENT_INACTIVE', field: 'parentId' });
  });

  it('refuses to move or stop the actor’s own org', async () => {
    const a01 = await orgIdByCode(w.t, 'A01');
    const libAdmin = await accountIn(w.t, { orgId: a01, roles: ['sysadmin'] });
    const child = (await libAdmin.post('/api/orgs', { parentId: a01, name: '分馆', kind: 'affiliate' })).json();
    expect((await libAdmin.post(`/api/orgs/${a01}/move`, { parentId: child.id })).json().error.code).toBe('OWN_ORG');
    const own = await libAdmin.post(`/api/orgs/${a01}/deactivate`);
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe('OWN_ORG');
    expect((await w.admin.post(`/api/orgs/${w.rootId}/deactivate`)).json().error.code).toBe('ROOT_ORG');
  });

  it('stops a whole subtree, hides it from the default list, and reactivates only under an active parent', async () => {
    const d01 = await orgIdByCode(w.t, 'D01');
    const branch = (await w.admin.post('/api/orgs', { parentId: d01, name: '支部', kind: 'branch' })).json();
    const res = await w.admin.post(`/api/orgs/${d01}/deactivate`);
    expect(res.json()).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    const { items } = (await w.admin.get('/api/orgs')).json();
    expect(items.map((o: { id: string }) => o.id)).not.toContain(branch.id);
    const all = (await w.admin.get('/api/orgs?includeInactive=true')).json();
    expect(all.items.find((o: { id: string }) => o.id === branch.id)).toMatchObject({ active: false });
    expect((await auditEntries(w.t, 'org.deactivate'))[0]!.summary).toMatchObject({ orgs: 2 });
    // Accounts in the stopped unit stay.
    expect((await w.t.ctx.db.selectFrom('app_user').select('id').where('username', '=', 'office').execute())).toHaveLength(1);
    const child = await w.admin.post(`/api/orgs/${branch.id}/reactivate`);
    expect(child.statusCode).toBe(422);
    expect(child.json().error.code).toBe('PARENT_INACTIVE');
    expect((await w.admin.post(`/api/orgs/${d01}/reactivate`)).json().active).toBe(true);
    expect((await w.admin.post(`/api/orgs/${branch.id}/reactivate`)).json().active).toBe(true);
  });

  it('lets readers read but not change the tree', async () => {
    const viewer = await demoUser(w.t, 'inspector');
    expect((await viewer.get('/api/orgs')).json().total).toBe(12);
    const res = await viewer.post('/api/orgs', { parentId: w.rootId, name: '新科', kind: 'department' });
    expect(res.statusCode).toBe(403);
  });
});
