import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { countNodes, SAMPLE_000, SAMPLE_003, SAMPLES } from '../../../test/fixtures/reports/expected.ts';
import { MetricDef } from '../pack/schema.ts';
import { importTemplate } from './template.ts';

// The three real reports of the genre, imported against the ideology pack's metrics.
const METRICS_FILE = path.resolve(import.meta.dirname, '../../../packs/ideology/metrics.yaml');
const metrics = z.array(MetricDef).parse(parse(fs.readFileSync(METRICS_FILE, 'utf8')));
const read = (file: string) => importTemplate(fs.readFileSync(file, 'utf8'), metrics);

describe.each(SAMPLES.map((sample) => [path.basename(sample.file), sample] as const))('sample %s', (_name, sample) => {
  const result = read(sample.file);

  it('reads the outline exactly as the document nests it, with no title or signature', () => {
    expect(result.title).toBe(sample.title);
    expect(result.sections).toEqual(sample.sections);
    expect(result.signature).toEqual({ org: null, date: null });
  });

  it('finds every placeholder in document order, tells figures from names, reads units and binds metrics', () => {
    expect(result.placeholders.map((p) => [p.text, p.kind, p.unit, p.metric])).toEqual(sample.placeholders.map(([text, kind, unit, metric]) => [text, kind, unit, metric]));
    result.placeholders.forEach((p, i) => expect(p.context).toContain(sample.placeholders[i]![4]));
  });

  it('gives each placeholder exactly the five fields of the contract', () => {
    for (const p of result.placeholders) expect(Object.keys(p)).toEqual(['text', 'kind', 'unit', 'context', 'metric']);
  });
});

describe('sample totals', () => {
  it('counts nodes, placeholders and bindings', () => {
    const totals = SAMPLES.map((sample) => {
      const { sections, placeholders } = read(sample.file);
      const figures = placeholders.filter((p) => p.kind === 'number');
      return [countNodes(sections), placeholders.length, figures.length, figures.filter((p) => p.metric !== null).length];
    });
    // nodes, placeholders, figures, figures bound
    expect(totals).toEqual([
      [23, 41, 20, 8],
      [23, 5, 5, 5],
      [23, 8, 8, 7],
    ]);
  });

  it('gives the sentence around a placeholder as its context, up to the enclosing 。 or ；', () => {
    const [, lecture] = read(SAMPLE_000.file).placeholders;
    expect(lecture!.context).toBe(
      '以“能力作风建设年”“党史学习教育”、活动为抓手，采取邀请专家讲、走入基层讲、组织培训讲、选拔能手讲等多种形式，宣讲党的二十大精神以及省委、市委党代会精神，去年以来组织开展各类宣讲活动*多场，推动党的路线、方针、政策进机关、进企业、进社区、进农村、进学校',
    );
    const bulletin = read(SAMPLE_003.file).placeholders[1]!;
    expect(bulletin.context).toBe(
      '同时建立分析研判制度，围绕工作推进体制机制、干部职工思想动态、阵地管理管控力度以及城管领域敏感舆情等方面，定期分析研判全局意识形态工作存在的苗头性倾向性的问题，今年以来，已下发情况通报*期，对苗头性倾向性问题及时推进整改，保障了意识形态领域安全平稳',
    );
  });

  it('leaves every figure unbound without metrics', () => {
    expect(importTemplate(fs.readFileSync(SAMPLE_003.file, 'utf8')).placeholders.every((p) => p.metric === null)).toBe(true);
  });
});
