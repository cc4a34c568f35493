import { describe, expect, it } from 'vitest';
import { measureWords, readUnit, unitsCompatible } from './units.ts';

describe('measure words', () => {
  it('reads the longest measure word, with magnitude and approximation, and nothing that starts a name', () => {
    expect(['人次参加', '余篇，', '万余小时', '条（篇）', '日报社', '家园', '批发市场', '党组', '万，', '万达广场'].map(readUnit)).toEqual([
      '人次', '余篇', '万余小时', '条（篇）', null, null, null, null, '万', null,
    ]);
  });

  it('lists the measure words of a unit', () => {
    expect(measureWords('条（篇）')).toEqual(['条', '篇']);
    expect(measureWords('万余人')).toEqual(['人']);
  });

  it('matches units that count the same kind of thing', () => {
    const pairs: Array<[string, string | undefined, boolean]> = [
      ['余篇', '篇', true], ['条（篇）', '篇', true], ['期', '次', true], ['多场', '场', true], ['个', '人次', true],
      ['万余人', '人次', true], ['万余小时', '小时', true], ['篇', '次', false], ['人次', '次', false], ['支', '次', false],
      ['余家', '个', true], ['年', '次', false], ['次', undefined, true], ['万', '次', false],
    ];
    expect(pairs.map(([unit, metricUnit]) => unitsCompatible(unit, metricUnit))).toEqual(pairs.map(([, , ok]) => ok));
  });
});
