import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cliHarness.ts';

// `lvzhi pack check` reads a folder and touches no database.
const env = { LVZHI_DATA_DIR: '/nonexistent/lvzhi-cli-test' };
const ROOT = path.resolve(import.meta.dirname, '../../..');
const IDEOLOGY = path.join(ROOT, 'packs/ideology');
const BROKEN = path.join(ROOT, 'test/fixtures/packs/broken');

describe('lvzhi pack check', () => {
  it('prints the ids of a valid pack as JSON and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['pack', 'check', IDEOLOGY, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['id', 'recordTypes', 'rules', 'metrics', 'templates', 'errors']);
    expect(result.id).toBe('ideology');
    expect(result.recordTypes.length).toBeGreaterThanOrEqual(20);
    expect(result.recordTypes).toContain('topic_meeting');
    expect(result.rules.length).toBeGreaterThanOrEqual(25);
    expect(result.rules).toContain('IW-01');
    expect(result.metrics).toContain('article.central.count');
    expect(result.templates).toEqual(['annual_report', 'duty_report', 'half_year_report']);
    expect(result.errors).toEqual([]);
  });

  it('lists every error with file, path and message, and exits 1', async () => {
    const { code, stdout } = await runCli(['pack', 'check', BROKEN, '--json'], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      id: 'broken',
      recordTypes: ['meeting'],
      rules: ['BR-01', 'BR-02'],
      metrics: ['meeting.count', 'meeting.hosts'],
      templates: [],
      errors: [
        { file: 'rules.yaml', path: 'rules[1].recordType', message: '记录类型“study_session”不存在' },
        { file: 'metrics.yaml', path: 'metrics[1].field', message: 'sum 只能对数字（number）字段求和，字段“host”的类型为 people' },
      ],
    });
  });

  it('prints a readable summary naming the line of each error', async () => {
    const bad = await runCli(['pack', 'check', BROKEN], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(`pack broken: 1 record types, 2 rules, 2 metrics, 0 templates
2 errors:
  rules.yaml:10:15 rules[1].recordType: 记录类型“study_session”不存在
  metrics.yaml:2:81 metrics[1].field: sum 只能对数字（number）字段求和，字段“host”的类型为 people
`);
    const good = await runCli(['pack', 'check', IDEOLOGY], env);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^pack ideology: \d+ record types, \d+ rules, \d+ metrics, 3 templates\nOK\n$/);
  });

  it('reports a folder that is not a pack with a null id', async () => {
    const { code, stdout } = await runCli(['pack', 'check', '/nonexistent/pack', '--json'], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      id: null, recordTypes: [], rules: [], metrics: [], templates: [],
      errors: [{ file: '', path: '', message: '制度包目录不存在：/nonexistent/pack' }],
    });
  });

  it('exits 2 without a folder or with an unknown flag', async () => {
    expect((await runCli(['pack', 'check'], env)).code).toBe(2);
    expect((await runCli(['pack', 'check', IDEOLOGY, '--strict'], env)).code).toBe(2);
    const sub = await runCli(['pack'], env);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('"pack" needs one of: check');
  });
});
