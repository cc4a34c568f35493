import { describe, expect, it } from 'vitest';
import { fixturePack } from '../../../test/support/ledgerFixtures.ts';
import { recordSheet } from './excelLayout.ts';
import { cellDate, planRecordImport, type RecordImportSnapshot, type RecordSheetRow } from './importRecords.ts';

const meeting = fixturePack.recordTypes.find((t) => t.id === 'meeting')!;
const snapshot: RecordImportSnapshot = {
  homeOrgId: 'root',
  orgs: [
    { id: 'root', name: '局党组', code: null, kind: 'party_group', path: '/root/', active: true },
    { id: 'd1', name: '办公室', code: 'D01', kind: 'department', path: '/root/d1/', active: true },
    { id: 'd2', name: '办公室', code: 'D02', kind: 'branch', path: '/root/d2/', active: true },
    { id: 'old', name: '旧科室', code: 'OLD', kind: 'department', path: '/root/old/', active: false },
  ],
  people: [
    { id: 'p1', name: '张三', orgPath: '/root/d1/' },
    { id: 'p2', name: '李四', orgPath: '/root/' },
    { id: 'p3', name: '张三', orgPath: '/root/d2/' },
  ],
};

const row = (n: number, cells: Partial<RecordSheetRow>): RecordSheetRow => {
  const blank = { row: n, ...Object.fromEntries(recordSheet(meeting).columns.map((c) => [c.key, ''])) } as RecordSheetRow;
  return { ...blank, title: '会议', occurredOn: '2026-03-01', 'field:host': '张三', 'field:topic': '议题', 'field:meeting_kind': '党组会', ...cells, row: n };
};

describe('planRecordImport', () => {
  it('resolves orgs by code, people within the row org\'s subtree, and labels to values', () => {
    const { records, errors } = planRecordImport(meeting, [row(2, { orgCode: 'D01', 'field:domains': '思想理论，网上舆情' })], snapshot);
    expect(errors).toEqual([]);
    expect(records).toEqual([{
      row: 2, orgId: 'd1', title: '会议', occurredOn: '2026-03-01', searchText: '会议\n议题',
      values: { host: 'p1', topic: '议题', meeting_kind: 'party_group', domains: ['theory', 'online'] },
    }]);
  });

  it('names ambiguous orgs, stopped orgs and orgs that do not keep the type', () => {
    const { records, errors } = planRecordImport(meeting, [
      row(2, { orgName: '办公室' }),
      row(3, { orgCode: 'OLD' }),
      row(4, { orgCode: 'D02', 'field:host': '李四' }),
      row(5, { 'field:host': '' }),
    ], snapshot);
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '组织名称', '有2个名为“办公室”的组织，请填写组织编码'],
      [3, '组织编码', '组织“旧科室”已停用'],
      [4, '组织编码', '“办公室”（党支部）不记录“专题会议”'],
      [5, '主持人', '请选择主持人'],
    ]);
  });

  it('finds a person named twice in the subtree ambiguous, and reads Excel serial dates', () => {
    const { errors } = planRecordImport(meeting, [row(2, {})], snapshot);
    expect(errors.map((e) => e.message)).toEqual(['“局党组”及其下级组织中有2名叫“张三”的人员，无法区分，请在系统中录入']);
    expect(cellDate('46082')).toBe('2026-03-01');
    expect(cellDate('2026.2.27')).toBe('2026-02-27');
    expect(cellDate('昨天')).toBeNull();
  });
});
