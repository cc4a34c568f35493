import { describe, expect, it } from 'vitest';
import { readableParts, readableText } from './slotText.ts';

const pack = {
  metrics: [{ id: 'topic_meeting.count', name: '党组会专题研究意识形态工作次数', recordType: 'topic_meeting', aggregate: 'count' as const, where: [] }],
  recordTypes: [{ id: 'theme_day', name: '主题党日', fields: [] }],
  rules: [],
} as unknown as Parameters<typeof readableText>[1];

describe('template text in words', () => {
  it('names each slot by what it stands for', () => {
    expect(readableText('{{org.name}}{{period.year}}年召开{{metric:topic_meeting.count}}次，开展{{records:theme_day limit=3}}等活动', pack)).toBe(
      '【单位名称】【年度】年召开【党组会专题研究意识形态工作次数】次，开展【主题党日（列举名称）】等活动',
    );
  });

  it('flags unbound placeholders and keeps what it cannot read as written', () => {
    expect(readableParts('动员{{unbound:3}}名干部', pack)).toEqual([{ text: '动员' }, { text: '【待补充】', slot: true, unbound: true }, { text: '名干部' }]);
    expect(readableText('{{metric:unknown.count}}次', undefined)).toBe('【unknown.count】次');
  });
});
