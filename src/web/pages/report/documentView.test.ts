import { describe, expect, it } from 'vitest';
import type { ReportBlock } from './api.ts';
import { changeLines, chineseDate, displayBlock, markedBlocks, segmentsOf } from './documentView.ts';

const block = (b: Partial<ReportBlock>): ReportBlock => ({ id: 'b1', kind: 'paragraph', text: '', edited: false, stale: false, ...b });

describe('report document for display', () => {
  it('joins plain runs and keeps figures and marks apart', () => {
    expect(segmentsOf([{ text: '全年召开' }, { text: '' }, { text: '专题会议' }, { text: '4', id: 'r1', slot: '{{metric:a}}' }, { text: '次，' }, { text: '【待补充】', mark: 'missing' }])).toEqual([
      { text: '全年召开专题会议' },
      { text: '4', runId: 'r1' },
      { text: '次，' },
      { text: '【待补充】', mark: 'missing' },
    ]);
    expect(segmentsOf('用户改写的文字')).toEqual([{ text: '用户改写的文字' }]);
    expect(segmentsOf(null)).toEqual([]);
  });

  it('shows a run-in heading with its 。 and body, and counts figures and marks', () => {
    const shown = displayBlock(block({ kind: 'heading', level: 2, marker: '（一）', text: [{ text: '加强组织领导' }], body: [{ text: '召开' }, { text: '3', id: 'r1' }, { text: '次' }, { text: 'X', mark: 'unbound' }] }));
    expect(shown).toMatchObject({ level: 2, marker: '（一）', joiner: '。', figures: 1, marks: 1, editHeading: '加强组织领导', editText: '召开3次X' });
    expect(displayBlock(block({ kind: 'heading', level: 2, marker: '（一）', text: '加强组织领导。', body: '正文' })).joiner).toBe('');
    expect(displayBlock(block({ kind: 'heading', level: 1, marker: '一、', text: '工作开展情况', body: null })).joiner).toBe('');
    expect(displayBlock(block({ text: '正文', edited: true })).editHeading).toBeNull();
    expect(markedBlocks([shown, displayBlock(block({ text: '正文' }))])).toBe(1);
  });

  it('writes the date of issue without leading zeros', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });

  it('says what a regeneration changed', () => {
    expect(changeLines([
      { blockId: 'b1', slot: '{{metric:a}}', label: '专题会议次数', before: '3', after: '4', edited: false },
      { blockId: 'b2', slot: '{{records:theme_day}}', label: null, before: null, after: '“A”“B”', edited: true },
      { blockId: 'b3', slot: '{{metric:c}}', label: '宣讲次数', before: '2', after: null, edited: false },
    ])).toEqual([
      { key: 'b1|{{metric:a}}|0', blockId: 'b1', label: '专题会议次数', before: '3', after: '4', edited: false },
      { key: 'b2|{{records:theme_day}}|1', blockId: 'b2', label: 'records:theme_day', before: '（原先未写入）', after: '“A”“B”', edited: true },
      { key: 'b3|{{metric:c}}|2', blockId: 'b3', label: '宣讲次数', before: '2', after: '（现在删去）', edited: false },
    ]);
  });
});
