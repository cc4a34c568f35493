import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_002, SAMPLE_003, SAMPLES } from '../../../test/fixtures/reports/expected.ts';
import { runCli } from '../../../test/support/cliHarness.ts';

// `lvzhi template import` reads a file and the pack folders and touches no database.
const env = { LVZHI_DATA_DIR: '/nonexistent/lvzhi-cli-test' };
const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-template-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('lvzhi template import --json', () => {
  it.each(SAMPLES.map((sample) => [path.basename(sample.file), sample] as const))('prints the outline and placeholders of %s as one JSON object', async (_name, sample) => {
    const { code, stdout, stderr } = await runCli(['template', 'import', sample.file, '--json'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['title', 'sections', 'placeholders', 'signature']);
    expect(result.title).toBe(sample.title);
    expect(result.sections).toEqual(sample.sections);
    expect(result.placeholders.map((p: Record<string, unknown>) => Object.keys(p))).toEqual(sample.placeholders.map(() => ['text', 'kind', 'unit', 'context', 'metric']));
    expect(result.placeholders.map((p: Record<string, unknown>) => [p.text, p.kind, p.unit, p.metric])).toEqual(sample.placeholders.map(([text, kind, unit, metric]) => [text, kind, unit, metric]));
    expect(result.signature).toEqual({ org: null, date: null });
  });

  it('reads a .docx', async () => {
    const doc = new Document({ sections: [{ children: ['一、工作开展情况', '（一）强化理论武装。召开中心组学习会**次。', '**局党组', '2023年1月10日'].map((text) => new Paragraph({ text })) }] });
    const file = path.join(tmp, 'report.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    const { code, stdout } = await runCli(['template', 'import', file, '--json'], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      title: null,
      sections: [{ marker: '一、', heading: '工作开展情况', children: [{ marker: '（一）', heading: '强化理论武装', children: [] }] }],
      placeholders: [
        { text: '**', kind: 'number', unit: '次', context: '召开中心组学习会**次', metric: 'central_group_study.count' },
        { text: '**', kind: 'name', unit: null, context: '**局党组', metric: null },
      ],
      signature: { org: '**局党组', date: '2023年1月10日' },
    });
  });

  it("binds to another pack's metrics with --pack", async () => {
    const packEnv = { ...env, LVZHI_PACK_DIRS: path.join(ROOT, 'test/fixtures/packs/clean_gov') };
    const { code, stdout } = await runCli(['template', 'import', SAMPLE_002.file, '--json', '--pack', 'clean_gov'], packEnv);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).placeholders.map((p: { metric: string | null }) => p.metric)).toEqual([null, null, null, null, null]);
  });
});

describe('lvzhi template import', () => {
  it('prints a readable outline tree and placeholder table', async () => {
    const { code, stdout } = await runCli(['template', 'import', SAMPLE_003.file], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^title: \(none\)\noutline:\n {2}一、工作开展情况\n {4}（一）强化组织领导，压实工作责任\n {6}一是强化组织推进\n/);
    expect(stdout).toContain('\nsignature: (none)\nplaceholders: 8 (8 figures, 7 bound to metrics)\n#  TEXT  KIND    UNIT  METRIC ');
    expect(stdout).toContain('7  **    number  余篇  article.adopted.count                  …江苏法制报等各类媒体采用**余篇\n');
  });

  it('exits 1 with a clear message on a file it cannot read', async () => {
    expect(await runCli(['template', 'import', '/nonexistent/report.txt'], env)).toEqual({ code: 1, stdout: '', stderr: 'lvzhi: cannot read /nonexistent/report.txt: no such file\n' });
    const binary = path.join(tmp, 'binary.txt');
    fs.writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff]));
    expect(await runCli(['template', 'import', binary], env)).toEqual({ code: 1, stdout: '', stderr: 'lvzhi: file: 文件不是可识别的文本（支持 UTF-8 或 GB18030 编码的 .txt，或 .docx）\n' });
  });

  it('exits 2 on a bad command line', async () => {
    expect((await runCli(['template', 'import'], env)).code).toBe(2);
    expect((await runCli(['template', 'import', SAMPLE_003.file, '--pack', 'nope'], env)).stderr).toBe('lvzhi: unknown pack "nope" (packs: ideology)\n');
    expect((await runCli(['template', 'import', SAMPLE_003.file, '--pack', 'nope'], env)).code).toBe(2);
  });
});
