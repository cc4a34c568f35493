import { describe, expect, it } from 'vitest';
import type { ImportedPlaceholder } from './api.ts';
import { bindingsOf, type Choice, choiceOf, choiceValue, initialChoice, keptCount, KEEP, TEXT } from './bindings.ts';

const ph = (index: number, p: Partial<ImportedPlaceholder> = {}): ImportedPlaceholder => ({
  index, text: '**', kind: 'number', unit: '次', context: '召开**次', metric: null, becomes: 'unbound', ...p,
});

describe('placeholder bindings of an imported report', () => {
  const placeholders = [ph(0, { metric: 'topic_meeting.count', becomes: 'metric' }), ph(1), ph(2, { kind: 'name', unit: null }), ph(3)];

  it('starts from the server reading', () => {
    expect(initialChoice(placeholders[0]!)).toEqual({ mode: 'metric', metricId: 'topic_meeting.count' });
    expect(initialChoice(placeholders[1]!)).toEqual({ mode: 'keep' });
    expect(keptCount(placeholders, new Map())).toBe(3);
  });

  it('sends only what the user changed, each as one binding', () => {
    const choices = new Map<number, Choice>([
      [0, { mode: 'keep' }],
      [1, { mode: 'metric', metricId: 'article.count' }],
      [2, { mode: 'slot', slot: 'org.name' }],
      [3, { mode: 'text', text: ' 50 ' }],
    ]);
    expect(bindingsOf(placeholders, choices)).toEqual([
      { index: 0, keep: true },
      { index: 1, metricId: 'article.count' },
      { index: 2, slot: 'org.name' },
      { index: 3, text: '50' },
    ]);
    expect(keptCount(placeholders, choices)).toBe(1);
    expect(bindingsOf(placeholders, new Map([[0, { mode: 'metric', metricId: 'topic_meeting.count' }]]))).toEqual([]);
  });

  it('keeps a placeholder whose text is left empty', () => {
    expect(bindingsOf(placeholders, new Map([[1, { mode: 'text', text: '  ' }]]))).toEqual([]);
    expect(keptCount(placeholders, new Map([[1, { mode: 'text', text: '' }]]))).toBe(3);
  });

  it('maps the select value to a choice and back', () => {
    expect(choiceOf(TEXT, { mode: 'text', text: '若干' })).toEqual({ mode: 'text', text: '若干' });
    expect(choiceOf('__slot:period.year', { mode: 'keep' })).toEqual({ mode: 'slot', slot: 'period.year' });
    expect(choiceOf(KEEP, { mode: 'metric', metricId: 'a' })).toEqual({ mode: 'keep' });
    expect(choiceOf('article.count', { mode: 'keep' })).toEqual({ mode: 'metric', metricId: 'article.count' });
    expect(choiceValue({ mode: 'slot', slot: 'org.name' })).toBe('__slot:org.name');
  });
});
