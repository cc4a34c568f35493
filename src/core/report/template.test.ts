import { describe, expect, it } from 'vitest';
import { importTemplate } from './template.ts';

// Old reports come from anywhere: whatever the text, import returns a template and never throws.
const PIECES = ['一、', '（一）', '(二)', '1.', '1、', '（1）', '一是', '二是', '四要', '第一，', '第二，', '首先', '其次', '最后', '。', '，', '；', '：', '“', '”', '《', '》',
  '*', '**', '＊', 'X', 'XX', 'x', '×', '次', '余篇', '万人', '区', '邱', '第', '平均', '\n', '\r\n', '　', ' ', '2023年1月10日', 'Excel', '9', '召开中心组学习会'];

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('importTemplate on arbitrary text', () => {
  it('returns a template for 2,000 random texts of markers, punctuation and placeholders', () => {
    const next = random(42);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const { sections, placeholders } = importTemplate(text);
      const markers = (nodes: typeof sections): string[] => nodes.flatMap((n) => [n.marker, ...markers(n.children)]);
      for (const marker of markers(sections)) expect(marker).toMatch(/^(?:[一二三四五六七八九十]+(?:、|是)|（(?:[一二三四五六七八九十]+|\d+)）|\d+\.|第[一二三四五六七八九十]+|首先|其次|再次|最后)$/);
      for (const p of placeholders) {
        expect(p.text).toMatch(/^(?:[*＊]+|×+|[XxＸｘ]+)$/);
        if (p.kind === 'name') expect(p.unit).toBeNull();
      }
    }
  });

  it('returns an empty template for an empty text', () => {
    expect(importTemplate('')).toEqual({ title: null, sections: [], placeholders: [], signature: { org: null, date: null } });
  });
});
