import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import type { Client } from '../../../../test/support/testApp.ts';
import {
  accountIn, auditEntries, type DemoBureau, demoBureau, demoUser, orgIdByCode, orgModuleSnapshot, personIdByName,
} from '../../../../test/support/orgFixtures.ts';

// 谁主管谁负责: users of 市图书馆 (A01) see their own unit only. For every org-module route that
// takes an id, another unit's ids answer exactly like ids that do not exist, and attempts to
// change them are refused, recorded, and leave the database as it was. Users at the top reach all.

interface Ids {
  root: string;
  office: string; // 办公室 (D01), a sibling department
  library: string; // 市图书馆 (A01), the unit of the restricted users
  museum: string; // 市博物馆 (A02), a sibling affiliate
  officePerson: string;
  libraryPerson: string;
  museumDuty: string;
  rootMember: string;
  museumMember: string;
  libraryBranch: string;
}

describeEachDialect('org module scope isolation', (dialect) => {
  let w: DemoBureau;
  let ids: Ids;
  let libraryAdmin: Client;
  const year = new Date().getFullYear();

  beforeEach(async () => {
    w = await demoBureau(dialect);
    const db = w.t.ctx.db;
    const museum = await orgIdByCode(w.t, 'A02');
    const library = await orgIdByCode(w.t, 'A01');
    const officePerson = await personIdByName(w.t, '赵文静');
    const museumDuty = await db.selectFrom('duty_assignment').select('id').where('org_id', '=', museum).executeTakeFirstOrThrow();
    const rootMember = await db.selectFrom('leading_group_member').select('id').where('person_id', '=', officePerson).executeTakeFirstOrThrow();
    const museumMember = (await w.admin.post(`/api/orgs/${museum}/leading-group`, { personId: await personIdByName(w.t, '喻晨'), year, groupRole: 'leader' })).json();
    libraryAdmin = await accountIn(w.t, { orgId: library, roles: ['sysadmin'] });
    const libraryBranch = (await libraryAdmin.post('/api/orgs', { parentId: library, name: '图书馆党支部', kind: 'branch' })).json();
    ids = {
      root: w.rootId, office: await orgIdByCode(w.t, 'D01'), library, museum, officePerson, libraryPerson: await personIdByName(w.t, '谢明'),
      museumDuty: museumDuty.id, rootMember: rootMember.id, museumMember: museumMember.id, libraryBranch: libraryBranch.id,
    };
  });
  afterEach(async () => {
    await w.t.close();
  });

  const readsOfOtherUnits = (i: Ids): string[] => [
    `/api/orgs/${i.office}`,
    `/api/orgs/${i.root}`,
    `/api/people/${i.officePerson}`,
    `/api/people?orgId=${i.office}`,
    `/api/orgs/${i.museum}/duty-assignments`,
    `/api/orgs/${i.root}/leading-group?year=${year}`,
  ];

  it('answers 404 for every read of another unit, the same as for an id that does not exist', async () => {
    const liaison = await demoUser(w.t, 'library');
    const missing = (await liaison.get('/api/orgs/00000000-0000-0000-0000-000000000000')).json();
    for (const client of [liaison, libraryAdmin]) {
      for (const url of readsOfOtherUnits(ids)) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.code, url).toBe('NOT_FOUND');
      }
      expect((await client.get(`/api/orgs/${ids.office}`)).json().error.message).toBe(missing.error.message);
      const orgs = (await client.get('/api/orgs')).json();
      expect(orgs.items.map((o: { id: string }) => o.id).sort()).toEqual([ids.library, ids.libraryBranch].sort());
      const people = (await client.get('/api/people')).json();
      expect(people.total).toBe(4);
      expect(people.items.every((p: { orgId: string }) => p.orgId === ids.library)).toBe(true);
    }
    for (const url of [`/api/people/${ids.officePerson}/contact`, `/api/people/${ids.officePerson}/export`]) {
      expect((await libraryAdmin.get(url)).statusCode, url).toBe(404);
    }
  });

  it('refuses every change to another unit with 404, records each attempt, and changes nothing', async () => {
    const attempts: [method: 'post' | 'patch' | 'delete', url: string, body?: Record<string, unknown>][] = [
      ['patch', `/api/orgs/${ids.office}`, { name: '改名' }],
      ['post', `/api/orgs/${ids.office}/move`, { parentId: ids.library }],
      ['post', `/api/orgs/${ids.libraryBranch}/move`, { parentId: ids.office }],
      ['post', `/api/orgs/${ids.office}/deactivate`],
      ['post', `/api/orgs/${ids.office}/reactivate`],
      ['post', '/api/orgs', { parentId: ids.office, name: '越界科', kind: 'department' }],
      ['post', '/api/people', { orgId: ids.office, name: '越界人' }],
      ['patch', `/api/people/${ids.officePerson}`, { position: '改了' }],
      ['patch', `/api/people/${ids.libraryPerson}`, { orgId: ids.office }],
      ['delete', `/api/people/${ids.officePerson}`],
      ['post', `/api/orgs/${ids.museum}/duty-assignments`, { personId: ids.libraryPerson, year, role: 'direct' }],
      ['post', `/api/orgs/${ids.library}/duty-assignments`, { personId: ids.officePerson, year, role: 'direct' }],
      ['delete', `/api/duty-assignments/${ids.museumDuty}`],
      ['post', `/api/orgs/${ids.museum}/leading-group`, { personId: ids.libraryPerson, year, groupRole: 'member' }],
      ['post', `/api/orgs/${ids.library}/leading-group`, { personId: ids.officePerson, year, groupRole: 'member' }],
      ['delete', `/api/leading-group-members/${ids.rootMember}`],
      ['delete', `/api/leading-group-members/${ids.museumMember}`],
    ];
    const before = await orgModuleSnapshot(w.t);
    const deniedBefore = (await auditEntries(w.t, 'authz.denied')).length;
    for (const [method, url, body] of attempts) {
      const res = await libraryAdmin[method](url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await orgModuleSnapshot(w.t)).toBe(before);
    const denied = (await auditEntries(w.t, 'authz.denied')).slice(deniedBefore);
    expect(denied).toHaveLength(attempts.length);
    expect(denied.every((e) => e.result === 'denied')).toBe(true);
  });

  it('lets a read-only liaison read its own unit but change nothing (403)', async () => {
    const liaison = await demoUser(w.t, 'library');
    expect((await liaison.get(`/api/orgs/${ids.library}`)).statusCode).toBe(200);
    expect((await liaison.get(`/api/orgs/${ids.library}/duty-assignments`)).json().total).toBe(2);
    const before = await orgModuleSnapshot(w.t);
    expect((await liaison.patch(`/api/orgs/${ids.library}`, { name: '改名' })).statusCode).toBe(403);
    expect((await liaison.post('/api/people', { orgId: ids.library, name: '新人' })).statusCode).toBe(403);
    expect((await liaison.get(`/api/people/${ids.libraryPerson}/contact`)).statusCode).toBe(403);
    expect((await liaison.delete(`/api/people/${ids.libraryPerson}`)).statusCode).toBe(403);
    expect(await orgModuleSnapshot(w.t)).toBe(before);
  });

  it('lets a unit clerk manage the people of its own unit', async () => {
    const clerk = await accountIn(w.t, { orgId: ids.library, roles: ['clerk'] });
    const person = (await clerk.post('/api/people', { orgId: ids.libraryBranch, name: '支部委员' })).json();
    expect(person.orgId).toBe(ids.libraryBranch);
    expect((await clerk.post(`/api/orgs/${ids.library}/duty-assignments`, { personId: person.id, year, role: 'dual_duty' })).statusCode).toBe(200);
    expect((await clerk.get(`/api/people/${ids.libraryPerson}/contact`)).statusCode).toBe(200);
    expect((await clerk.post(`/api/orgs/${ids.library}/move`, { parentId: ids.libraryBranch })).statusCode).toBe(403);
  });

  it('lets users at the top reach every unit', async () => {
    const rootClerk = await accountIn(w.t, { orgId: ids.root, roles: ['clerk'] });
    for (const url of readsOfOtherUnits(ids)) expect((await rootClerk.get(url)).statusCode, url).toBe(200);
    expect((await rootClerk.get(`/api/people/${ids.officePerson}/contact`)).statusCode).toBe(200);
    expect((await rootClerk.patch(`/api/people/${ids.officePerson}`, { position: '办公室主任（兼）' })).statusCode).toBe(200);
    const duty = await rootClerk.post(`/api/orgs/${ids.museum}/duty-assignments`, { personId: ids.libraryPerson, year, role: 'dual_duty' });
    expect(duty.statusCode).toBe(200);
    expect((await rootClerk.delete(`/api/duty-assignments/${duty.json().id}`)).statusCode).toBe(200);
    expect((await rootClerk.delete(`/api/duty-assignments/${ids.museumDuty}`)).statusCode).toBe(200);
    expect((await rootClerk.delete(`/api/leading-group-members/${ids.museumMember}`)).statusCode).toBe(200);
    expect((await w.admin.patch(`/api/orgs/${ids.office}`, { name: '办公室（综合科）' })).statusCode).toBe(200);
    expect((await w.admin.post(`/api/orgs/${ids.libraryBranch}/move`, { parentId: ids.office })).statusCode).toBe(200);
    expect((await w.admin.post(`/api/orgs/${ids.museum}/deactivate`)).statusCode).toBe(200);
    expect((await w.admin.delete(`/api/people/${ids.officePerson}`)).statusCode).toBe(200);
  });
});
