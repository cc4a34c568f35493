import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createSandbox } from '../../../test/support/cliHarness.ts';
import { describeEachDialect } from '../../../test/support/dialects.ts';
import { attrs, paragraphs, readDocx, textOf } from '../../../test/support/docxXml.ts';
import { parsePeriod } from './reportDraft.ts';

// `lvzhi report draft` on the demo bureau: a stored, audited draft and a DOCX that opens, with the
// title and the ledger's figures; clear messages and exit codes for what cannot be drafted.

const DEMO_PASSWORD = 'Sample#2026pw';
// The demo ledger holds last year whole and this year to date, in China Standard Time.
const YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1;
const ORG = '示例市文化广电旅游局党组';

describe('parsePeriod', () => {
  it('reads a year, a half-year, a quarter and a date range', () => {
    expect(parsePeriod('2022')).toEqual({ kind: 'year', year: 2022 });
    expect(parsePeriod('2022-H2')).toEqual({ kind: 'half_year', year: 2022, half: 2 });
    expect(parsePeriod('2022-q3')).toEqual({ kind: 'quarter', year: 2022, quarter: 3 });
    expect(parsePeriod('2022-01-01..2022-06-30')).toEqual({ kind: 'range', from: '2022-01-01', to: '2022-06-30' });
    for (const bad of ['22', '2022-H3', '2022-Q5', '2022-01-01', '2022-01-01..', 'last year']) expect(() => parsePeriod(bad)).toThrow(/is not a period/);
  });
});

describeEachDialect('lvzhi report draft', (dialect) => {
  let box: CliSandbox;
  const out = (name: string) => path.join(box.dataDir, name);
  beforeAll(async () => {
    box = await createSandbox(dialect);
    const demo = await box.run('demo', '--password', DEMO_PASSWORD, '--year', String(YEAR));
    expect(demo.code).toBe(0);
  });
  afterAll(() => box.dispose());

  it('drafts the annual report of the top org, stores it with an audit entry, and writes a DOCX that opens', async () => {
    const file = out('annual.docx');
    const { code, stdout, stderr } = await box.run('report', 'draft', '--org', 'root', '--period', String(YEAR), '--template', 'annual_report', '--out', file, '--issue-date', `${YEAR + 1}-01-10`, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['draftId', 'title', 'file', 'figures', 'omitted']);
    expect(result.title).toBe(`${ORG}关于${YEAR}年意识形态工作情况的报告`);
    expect(result.file).toBe(file);
    const meetings = result.figures.find((f: { metricId: string | null }) => f.metricId === 'topic_meeting.dedicated.count');
    expect(meetings).toMatchObject({ kind: 'metric', recordCount: Number(meetings.value) });
    expect(Number(meetings.value)).toBeGreaterThan(0);
    expect(result.omitted).toContainEqual(expect.objectContaining({ reason: 'zero', slot: '{{metric:branch_meeting.count}}' }));

    const parts = await readDocx(fs.readFileSync(file));
    expect(attrs(parts.document, 'pgSz')).toMatchObject({ w: '11906', h: '16838' });
    const texts = paragraphs(parts.document).map(textOf);
    expect(texts[0]).toBe(result.title);
    expect(texts.join('')).toContain(`先后${meetings.value}次专题研究意识形态工作`);
    expect(texts.slice(-2)).toEqual([ORG, `${YEAR + 1}年1月10日`]);
    expect(texts.join('')).not.toMatch(/[*＊]|\{\{/);

    const handle = box.open();
    try {
      const draft = await handle.db.selectFrom('report_draft').select(['id', 'title', 'status', 'current_version', 'created_by']).where('id', '=', result.draftId).executeTakeFirstOrThrow();
      expect(draft).toMatchObject({ title: result.title, status: 'draft', created_by: null });
      expect(Number(draft.current_version)).toBe(1);
      const audit = await handle.db.selectFrom('audit_log').select(['action', 'actor_name', 'target_id']).where('action', '=', 'report.create').execute();
      expect(audit).toEqual([{ action: 'report.create', actor_name: 'cli', target_id: result.draftId }]);
    } finally {
      await handle.close();
    }
  });

  it('drafts a half-year summary of a unit and prints where it wrote it', async () => {
    const handle = box.open();
    const library = await handle.db.selectFrom('org').select('id').where('code', '=', 'A01').executeTakeFirstOrThrow().finally(() => handle.close());
    const file = out('half.docx');
    const { code, stdout } = await box.run('report', 'draft', '--org', library.id, '--period', `${YEAR}-H2`, '--template', 'half_year_report', '--out', file);
    expect(code).toBe(0);
    const [wrote, summary, rest] = stdout.split('\n');
    expect([wrote, rest]).toEqual([`wrote ${file}`, '']);
    expect(summary).toMatch(new RegExp(`^draft [0-9a-f-]{36}: 市图书馆${YEAR}年下半年意识形态工作总结及${YEAR + 1}年上半年工作计划 \\(${YEAR}年下半年\\), \\d+ figures and lists from the ledger, \\d+ sentences left out$`));
    const texts = paragraphs((await readDocx(fs.readFileSync(file))).document).map(textOf);
    expect(texts[0]).toBe(summary!.split(': ')[1]!.replace(/ \(.*$/, ''));
  });

  it('exits 1 with a clear message on an unknown org or template, a period the template is not for, or a file it cannot write', async () => {
    const base = ['report', 'draft', '--period', String(YEAR), '--out', out('x.docx')];
    expect(await box.run(...base, '--org', 'nope', '--template', 'annual_report')).toEqual({ code: 1, stdout: '', stderr: 'lvzhi: no organization with id "nope" (see "lvzhi org list")\n' });
    expect(await box.run(...base, '--org', 'root', '--template', 'nope')).toEqual({
      code: 1, stdout: '',
      stderr: 'lvzhi: unknown template "nope": 报告模板不存在或无权访问 (the pack\'s templates: annual_report, duty_report, half_year_report; or the id of an imported template)\n',
    });
    expect(await box.run('report', 'draft', '--org', 'root', '--period', `${YEAR}-Q1`, '--template', 'annual_report', '--out', out('x.docx'))).toEqual({
      code: 1, stdout: '', stderr: 'lvzhi: --period: 模板“年度意识形态工作情况报告”用于年度报告，请按年度选择报告期\n',
    });
    expect(await box.run('report', 'draft', '--org', 'root', '--period', String(YEAR), '--template', 'annual_report', '--out', '/nonexistent/dir/x.docx')).toEqual({
      code: 1, stdout: '', stderr: 'lvzhi: cannot write /nonexistent/dir/x.docx: no folder /nonexistent/dir\n',
    });
    expect(fs.existsSync(out('x.docx'))).toBe(false);
  });

  it('exits 2 on a malformed period, date or output name', async () => {
    const run = (...extra: string[]) => box.run('report', 'draft', '--org', 'root', '--template', 'annual_report', ...extra);
    expect(await run('--period', '2022-H3', '--out', out('x.docx'))).toEqual({ code: 2, stdout: '', stderr: 'lvzhi: --period "2022-H3" is not a period: write 2022, 2022-H1, 2022-Q3 or 2022-01-01..2022-06-30\n' });
    expect((await run('--period', '2022-06-30..2022-01-01', '--out', out('x.docx'))).stderr).toBe('lvzhi: --period 2022-06-30..2022-01-01: 起始日期不能晚于截止日期\n');
    expect((await run('--period', '2022', '--out', out('x.docx'), '--issue-date', '2023-02-30')).code).toBe(2);
    expect((await run('--period', '2022', '--out', out('x.pdf'))).stderr).toBe(`lvzhi: --out ${out('x.pdf')}: the file name must end in .docx\n`);
    expect((await run('--period', '2022')).code).toBe(2);
  });
});
