import type { Transaction } from 'kysely';
import type { PackRegistry } from '../../../core/pack/registry.ts';
import type { Database } from '../../db/database.ts';
import type { FieldKeys } from '../../platform/crypto.ts';
import { insertAccount } from '../auth/account.repository.ts';
import { insertOrg } from '../org/org.repository.ts';
import type { OrgRow } from '../org/org.table.ts';
import { insertDutyAssignment, insertLeadingGroupMember, insertPerson } from '../org/person.repository.ts';
import { loadDemoLedger } from './demoLedger.ts';

// A municipal culture-and-tourism bureau: the party group at the top, eight departments and three
// affiliated units, each with the people a real one has. Names are invented.

interface DemoPerson {
  name: string;
  position: string;
  duty?: 'first_responsible' | 'direct' | 'dual_duty';
  group?: 'leader' | 'deputy' | 'member' | 'office_director';
  /** Demo login created for this person, with these business roles. */
  account?: { username: string; roles: string[] };
}

interface DemoUnit {
  name: string;
  kind: 'department' | 'affiliate';
  code: string;
  people: DemoPerson[];
}

const LEADERSHIP: DemoPerson[] = [
  { name: '王建国', position: '党组书记、局长', duty: 'first_responsible', group: 'leader', account: { username: 'leader', roles: ['leader'] } },
  { name: '李红梅', position: '党组成员、副局长（分管宣传）', duty: 'direct', group: 'deputy', account: { username: 'deputy', roles: ['leader'] } },
  { name: '张志强', position: '党组成员、副局长', duty: 'dual_duty', group: 'member' },
  { name: '刘海燕', position: '党组成员、副局长', duty: 'dual_duty', group: 'member' },
  { name: '陈立新', position: '党组成员、派驻纪检监察组组长', duty: 'dual_duty', group: 'member' },
  // The clerk who keeps the party group's own ledger (the unit clerks below keep their units').
  { name: '许文华', position: '党组秘书', account: { username: 'secretary', roles: ['clerk'] } },
];

const UNITS: DemoUnit[] = [
  { name: '办公室', kind: 'department', code: 'D01', people: [
    { name: '赵文静', position: '办公室主任', group: 'member' },
    { name: '孙晓明', position: '四级主任科员', account: { username: 'office', roles: ['liaison'] } },
    { name: '周丽', position: '科员' },
  ] },
  { name: '机关党委（人事科）', kind: 'department', code: 'D02', people: [
    { name: '吴国华', position: '机关党委专职副书记、人事科科长', group: 'office_director' },
    { name: '郑雅琴', position: '党务干事', account: { username: 'clerk', roles: ['clerk'] } },
    { name: '冯涛', position: '科员' },
  ] },
  { name: '政策法规科', kind: 'department', code: 'D03', people: [
    { name: '韩冰', position: '科长', group: 'member' },
    { name: '杨帆', position: '科员' },
    { name: '蒋欣', position: '科员' },
  ] },
  { name: '艺术科', kind: 'department', code: 'D04', people: [
    { name: '朱晓峰', position: '科长', group: 'member' },
    { name: '秦月', position: '科员' },
    { name: '许诺', position: '科员' },
  ] },
  { name: '宣传推广科', kind: 'department', code: 'D05', people: [
    { name: '何静', position: '科长', group: 'member', account: { username: 'publicity', roles: ['liaison'] } },
    { name: '吕鹏', position: '网络宣传专员' },
    { name: '施琳', position: '科员' },
  ] },
  { name: '产业发展科', kind: 'department', code: 'D06', people: [
    { name: '曹刚', position: '科长', group: 'member' },
    { name: '严小燕', position: '科员' },
    { name: '沈浩', position: '科员' },
  ] },
  { name: '市场管理科', kind: 'department', code: 'D07', people: [
    { name: '华勇', position: '科长', group: 'member' },
    { name: '金玲', position: '科员' },
    { name: '韦晴', position: '综合执法队员' },
  ] },
  { name: '财务审计科', kind: 'department', code: 'D08', people: [
    { name: '魏东', position: '科长', group: 'member' },
    { name: '陶然', position: '会计' },
    { name: '方圆', position: '审计员' },
  ] },
  { name: '市图书馆', kind: 'affiliate', code: 'A01', people: [
    { name: '姜宏', position: '党支部书记、馆长', duty: 'first_responsible', account: { username: 'library', roles: ['liaison'] } },
    { name: '戚雪', position: '副馆长', duty: 'direct' },
    { name: '谢明', position: '党务干事' },
    { name: '邹洁', position: '馆员' },
  ] },
  { name: '市博物馆', kind: 'affiliate', code: 'A02', people: [
    { name: '喻晨', position: '党支部书记、馆长', duty: 'first_responsible' },
    { name: '柏青', position: '副馆长', duty: 'direct' },
    { name: '水芳', position: '党务干事' },
    { name: '窦亮', position: '讲解员' },
  ] },
  { name: '市文化馆', kind: 'affiliate', code: 'A03', people: [
    { name: '章琦', position: '党支部书记、馆长', duty: 'first_responsible' },
    { name: '云帆', position: '副馆长', duty: 'direct' },
    { name: '苏蕾', position: '党务干事' },
  ] },
];

/** Inspector account at the top: reads everything below, changes nothing. */
const EXTRA_ACCOUNTS = [{ username: 'inspector', displayName: '督查人员', roles: ['inspector'] }];

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: string[];
}

/**
 * Loads the demo bureau under `root`: units, people, this year's duty roles and leading group, and
 * demo accounts sharing `passwordHash` (chosen by whoever loads the demo; there is no default);
 * with `packs`, a ledger of last year and this year (demoLedger.ts), its evidence file under `dataDir`.
 */
export async function loadDemoData(
  trx: Transaction<Database>,
  opts: { root: OrgRow; year: number; keys: FieldKeys; passwordHash: string; grantedBy: string | null; packs?: PackRegistry; dataDir?: string | null },
): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  const addPeople = async (org: OrgRow, people: DemoPerson[], index: number) => {
    for (const [i, p] of people.entries()) {
      const person = await insertPerson(trx, opts.keys, {
        orgId: org.id,
        name: p.name,
        position: p.position,
        // Reserved test-range numbers (139 0000 xxxx): never a real subscriber.
        phone: `1390000${String(index * 10 + i).padStart(4, '0')}`,
      });
      if (p.duty) await insertDutyAssignment(trx, { orgId: org.id, personId: person.id, year: opts.year, role: p.duty });
      // The leading group is the bureau's: department heads sit in the top org's group.
      if (p.group) await insertLeadingGroupMember(trx, { orgId: opts.root.id, personId: person.id, year: opts.year, groupRole: p.group });
      if (p.account) {
        await insertAccount(trx, {
          username: p.account.username, displayName: p.name, orgId: org.id, personId: person.id,
          passwordHash: opts.passwordHash, mustChangePassword: false, roles: p.account.roles, grantedBy: opts.grantedBy,
        });
        accounts.push({ username: p.account.username, displayName: p.name, roles: p.account.roles });
      }
    }
  };
  await addPeople(opts.root, LEADERSHIP, 0);
  for (const [i, unit] of UNITS.entries()) {
    const org = await insertOrg(trx, { name: unit.name, kind: unit.kind, parent: opts.root, code: unit.code, sortOrder: i + 1 });
    await addPeople(org, unit.people, i + 1);
  }
  for (const extra of EXTRA_ACCOUNTS) {
    await insertAccount(trx, {
      username: extra.username, displayName: extra.displayName, orgId: opts.root.id,
      passwordHash: opts.passwordHash, mustChangePassword: false, roles: extra.roles, grantedBy: opts.grantedBy,
    });
    accounts.push(extra);
  }
  if (opts.packs) await loadDemoLedger(trx, { root: opts.root, packs: opts.packs, dataDir: opts.dataDir ?? null });
  return accounts;
}
