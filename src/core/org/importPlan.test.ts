import { describe, expect, it } from 'vitest';
import { planImport } from './importPlan.ts';
import type { ExistingOrg, ExistingPerson, ImportSnapshot, OrgSheetRow, PersonSheetRow } from './importTypes.ts';

// A small bureau: the importer sits at HOME; D01 is a department below it, X is a stopped unit.
const org = (id: string, parentId: string | null, name: string, extra: Partial<ExistingOrg> = {}): ExistingOrg => ({
  id, parentId, name, kind: 'department', code: null, sortOrder: 0, active: true, ...extra,
});
const ORGS = [
  org('HOME', 'UP', '示例局党组', { kind: 'party_group', code: 'HQ' }),
  org('d1', 'HOME', '办公室', { code: 'D01', sortOrder: 1 }),
  org('d2', 'HOME', '艺术科'),
  org('x', 'HOME', '已撤销科', { code: 'X', active: false }),
];
const PEOPLE: ExistingPerson[] = [
  { id: 'p1', orgId: 'd1', name: '赵文静', position: '主任', phone: '13900000001', email: null },
  { id: 'p2', orgId: 'd1', name: '张伟', position: null, phone: null, email: null },
  { id: 'p3', orgId: 'd1', name: '张伟', position: null, phone: null, email: null },
];
const snapshot = (extra: Partial<ImportSnapshot> = {}): ImportSnapshot => ({
  homeOrgId: 'HOME', orgs: ORGS, people: PEOPLE, codesOutsideScope: new Set(['OTHER']), ...extra,
});

let rowNo = 1;
const orgRow = (cells: Partial<Omit<OrgSheetRow, 'row'>>): OrgSheetRow => ({
  row: ++rowNo, parentRef: '', name: '', kind: '', code: '', sortOrder: '', ...cells,
});
const personRow = (cells: Partial<Omit<PersonSheetRow, 'row'>>): PersonSheetRow => ({
  row: ++rowNo, name: '', orgRef: '', position: '', phone: '', email: '', ...cells,
});

describe('planImport', () => {
  it('creates new orgs parent-first even when the child row comes first, and people under them', () => {
    rowNo = 1;
    const child = orgRow({ parentRef: 'N1', name: '新支部', kind: '党支部', code: 'N1-B' });
    const parent = orgRow({ name: '新科室', kind: '处室/科室', code: 'N1', sortOrder: '5' });
    const person = personRow({ name: '李四', orgRef: 'N1-B', phone: '13900001111' });
    const { plan, errors } = planImport([child, parent], [person], snapshot());
    expect(errors).toEqual([]);
    expect(plan.orgCreates.map((c) => c.row)).toEqual([parent.row, child.row]);
    expect(plan.orgCreates[0]).toMatchObject({ parent: { existing: 'HOME' }, kind: 'department', sortOrder: 5 });
    expect(plan.orgCreates[1]).toMatchObject({ parent: { row: parent.row }, kind: 'branch', sortOrder: null });
    expect(plan.personCreates).toEqual([{ row: person.row, org: { row: child.row }, name: '李四', position: null, phone: '13900001111', email: null }]);
  });

  it('updates orgs matched by code or by parent and name, and reports nothing for unchanged rows', () => {
    const { plan, errors } = planImport(
      [
        orgRow({ name: '办公室（改）', kind: '处室/科室', code: 'D01', sortOrder: '1' }),
        orgRow({ name: '艺术科', kind: '处室/科室' }),
        orgRow({ parentRef: 'HQ', name: '艺术科', sortOrder: '9' }),
      ],
      [],
      snapshot(),
    );
    // The last two rows name the same org (empty parent and HQ both mean the home org).
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ column: '组织名称', message: expect.stringContaining('同一个组织') });
    expect(plan.orgUpdates[0]).toMatchObject({ id: 'd1', name: '办公室（改）', kind: 'department', sortOrder: 1 });
    expect(plan.orgCreates).toEqual([]);
  });

  it('leaves an identical row alone', () => {
    const { plan, errors } = planImport([orgRow({ name: '办公室', kind: '处室/科室', code: 'D01', sortOrder: '1' })], [], snapshot());
    expect(errors).toEqual([]);
    expect(plan).toEqual({ orgCreates: [], orgUpdates: [], personCreates: [], personUpdates: [] });
  });

  it('names row, column and reason for every bad cell', () => {
    rowNo = 1;
    const { errors } = planImport(
      [
        orgRow({ name: '', kind: '科室', code: 'A1' }),
        orgRow({ name: '甲', kind: '居委会', code: 'A2' }),
        orgRow({ parentRef: 'NOPE', name: '乙', kind: '党支部' }),
        orgRow({ name: '丙', kind: '党支部', code: 'OTHER' }),
        orgRow({ name: '丁', kind: '党支部', code: 'A2' }),
        orgRow({ parentRef: 'X', name: '戊', kind: '党支部' }),
        orgRow({ name: '己', code: 'bad code!', sortOrder: '1.5' }),
        orgRow({ parentRef: 'd2', name: '办公室', code: 'D01' }),
      ],
      [personRow({ name: '', orgRef: 'D01' }), personRow({ name: '王五', orgRef: 'ZZZ', phone: '123', email: 'nope' })],
      snapshot(),
    );
    expect(errors.map((e) => [e.sheet, e.row, e.column])).toEqual(
      expect.arrayContaining([
        ['组织', 2, '组织名称'],
        ['组织', 3, '组织类型'],
        ['组织', 4, '上级组织编码'],
        ['组织', 5, '组织编码'],
        ['组织', 6, '组织编码'],
        ['组织', 7, '上级组织编码'],
        ['组织', 8, '组织编码'],
        ['组织', 8, '排序'],
        ['组织', 8, '组织类型'],
        ['组织', 9, '上级组织编码'],
        ['人员', 10, '姓名'],
        ['人员', 11, '所属组织编码'],
        ['人员', 11, '手机'],
        ['人员', 11, '邮箱'],
      ]),
    );
    expect(errors.find((e) => e.row === 3)!.message).toContain('居委会');
    expect(errors.find((e) => e.row === 7)!.message).toContain('已停用');
    expect(errors.find((e) => e.row === 9)!.message).toContain('不能移动');
  });

  it('refuses parent references that go round in a circle', () => {
    const a = orgRow({ parentRef: 'C2', name: '甲', kind: '党支部', code: 'C1' });
    const b = orgRow({ parentRef: 'C1', name: '乙', kind: '党支部', code: 'C2' });
    const { errors } = planImport([a, b], [], snapshot());
    expect(errors.map((e) => e.row).sort()).toEqual([a.row, b.row]);
    expect(errors[0]!.message).toContain('循环');
  });

  it('matches people by org and name, updates only non-empty differing cells, refuses ambiguity and masks', () => {
    const same = personRow({ name: '赵文静', orgRef: 'D01', position: '主任', phone: '13900000001' });
    const changed = personRow({ name: '赵文静', orgRef: 'd1', email: 'zhao@example.com' });
    const ambiguous = personRow({ name: '张伟', orgRef: 'D01' });
    const masked = personRow({ name: '钱七', phone: '139****0001' });
    const { plan, errors } = planImport([], [same, changed, ambiguous, masked], snapshot());
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [changed.row, '姓名'],
      [ambiguous.row, '姓名'],
      [masked.row, '手机'],
    ]);
    expect(errors[2]!.message).toContain('脱敏');
    expect(plan.personUpdates).toEqual([]);

    const only = planImport([], [changed], snapshot());
    expect(only.errors).toEqual([]);
    expect(only.plan.personUpdates).toEqual([{ row: changed.row, id: 'p1', email: 'zhao@example.com' }]);
  });

  it('refuses to edit the importer’s own org and people in a stopped org', () => {
    const { errors } = planImport([orgRow({ name: '新名称', code: 'HQ' })], [personRow({ name: '孙八', orgRef: 'X' })], snapshot());
    expect(errors.map((e) => e.column)).toEqual(['组织编码', '所属组织编码']);
  });
});
