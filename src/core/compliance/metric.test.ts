import { describe, expect, it } from 'vitest';
import { metricValue } from './metric.ts';

const records = [
  { id: 'a', fields: { words: 1200, media_level: 'central', tags: ['ideology', 'culture'] } },
  { id: 'b', fields: { words: 0.1, media_level: 'provincial', tags: ['ideology'] } },
  { id: 'c', fields: { words: 0.2, media_level: 'central', tags: [] } },
  { id: 'd', fields: { media_level: '', words: '300' } },
  { id: 'e', fields: null },
];

describe('metric values with their records', () => {
  it('counts every matching record', () => {
    expect(metricValue({ aggregate: 'count' }, records)).toEqual({ value: 5, recordIds: ['a', 'b', 'c', 'd', 'e'] });
  });

  it('sums the numbers of a field, resting on the records that hold one', () => {
    expect(metricValue({ aggregate: 'sum', field: 'words' }, records)).toEqual({ value: 1200.3, recordIds: ['a', 'b', 'c'] });
  });

  it('counts distinct values, list members one by one, resting on the records that hold a value', () => {
    expect(metricValue({ aggregate: 'distinct', field: 'media_level' }, records)).toEqual({ value: 2, recordIds: ['a', 'b', 'c'] });
    expect(metricValue({ aggregate: 'distinct', field: 'tags' }, records)).toEqual({ value: 2, recordIds: ['a', 'b'] });
    expect(metricValue({ aggregate: 'distinct', field: 'words' }, [{ id: 'x', fields: { words: 1 } }, { id: 'y', fields: { words: '1' } }]).value).toBe(2);
  });
});
