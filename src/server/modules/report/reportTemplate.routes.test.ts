import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_000, SAMPLES } from '../../../../test/fixtures/reports/expected.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { pngBytes } from '../../../../test/support/evidenceFiles.ts';
import { multipartFile } from '../../../../test/support/orgFixtures.ts';
import { type ReportJson, reportSnapshot } from '../../../../test/support/reportApi.ts';
import { closeReportWorld, plainText, type ReportWorld, reportWorld } from '../../../../test/support/reportWorld.ts';
import type { Client } from '../../../../test/support/testApp.ts';
import { findPlaceholders } from '../../../core/report/placeholders.ts';

// Last year's report as this year's template, through the API: upload (.txt in any encoding, or
// .docx), review the outline and the placeholders with their bindings, bind what is left, save,
// draft on the demo ledger with the figures filled in, delete the template (drafts made from it
// live on). A file that is no report gets a 4xx naming the file field.

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/reports');

const upload = (client: Client, filename: string, content: Buffer, opts: { contentType?: string; field?: string; query?: string } = {}) =>
  client.request({ method: 'POST', url: `/api/report-templates/import${opts.query ?? ''}`, ...multipartFile({ filename, content, contentType: opts.contentType ?? 'text/plain', field: opts.field }) });

interface Placeholder { index: number; text: string; kind: string; unit: string | null; metric: string | null; becomes: string; context: string }

/** A .docx of a text report, a paragraph a line, as Word saves one typed by hand. */
const docxOf = (text: string) => Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((line) => new Paragraph({ text: line })) }] }));

describeEachDialect('reports: old reports as templates', (dialect) => {
  let w: ReportWorld;
  beforeAll(async () => {
    w = await reportWorld(dialect);
  });
  afterAll(() => closeReportWorld(w));

  it.each(SAMPLES.map((s) => [path.basename(s.file), s] as const))('imports %s: its outline, every placeholder, figures bound to the metric they speak of', async (_name, sample) => {
    const res = await upload(w.clerk, path.basename(sample.file), fs.readFileSync(sample.file));
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.fileName).toBe(path.basename(sample.file));
    expect(preview.title).toBe(sample.title);
    expect(preview.sections).toEqual(sample.sections);
    const placeholders = preview.placeholders as Placeholder[];
    expect(placeholders.map((p) => [p.text, p.kind, p.unit, p.metric])).toEqual(sample.placeholders.map(([text, kind, unit, metric]) => [text, kind, unit, metric]));
    placeholders.forEach((p, i) => expect(p.context).toContain(sample.placeholders[i]![4]));
    expect(placeholders.map((p) => p.index)).toEqual(placeholders.map((_, i) => i));
    expect(placeholders.filter((p) => p.metric).every((p) => p.becomes === 'metric')).toBe(true);
    expect(placeholders.some((p) => p.metric)).toBe(true);
    // Nothing is stored by a preview.
    expect(await w.t.ctx.db.selectFrom('report_template').select('id').execute()).toEqual([]);
  });

  it('reads the same report from a .docx and from a GB18030 text file', async () => {
    const text = fs.readFileSync(SAMPLE_000.file, 'utf8');
    const docx = await upload(w.clerk, '2021年工作总结.docx', await docxOf(text), { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(docx.statusCode).toBe(200);
    expect(docx.json().sections).toEqual(SAMPLE_000.sections);
    expect(docx.json().placeholders.length).toBe(SAMPLE_000.placeholders.length);
    const gb = await upload(w.clerk, 'gb18030.txt', fs.readFileSync(path.join(FIXTURES, 'gb18030.txt')));
    expect(gb.statusCode).toBe(200);
    expect(gb.json()).toMatchObject({ title: '关于2022年意识形态工作情况的报告', signature: { org: 'XX局党组', date: '2023年1月10日' } });
  });

  it.each(SAMPLES.map((s) => [path.basename(s.file), s] as const))('saves %s with the user\'s bindings and drafts from it with no placeholder left where the ledger has the figure', async (name, sample) => {
    const preview = (await upload(w.clerk, name, fs.readFileSync(sample.file))).json();
    const placeholders = preview.placeholders as Placeholder[];
    const unboundFigures = placeholders.filter((p) => p.kind === 'number' && p.becomes === 'unbound');
    const names = placeholders.filter((p) => p.kind === 'name' && p.becomes === 'unbound');
    // The user binds the first unbound figure to a metric the demo ledger has, and names one name.
    const bindings = [
      ...unboundFigures.slice(0, 1).map((p) => ({ index: p.index, metricId: 'article.count' })),
      ...names.slice(0, 1).map((p) => ({ index: p.index, text: '示例区' })),
    ];
    const saved = await w.clerk.post('/api/report-templates', {
      name: `${name} 模板`, kind: 'annual_report', periodKind: 'year', text: preview.text, sourceName: name, bindings,
    });
    expect(saved.statusCode).toBe(200);
    const template = saved.json();
    expect(template).toMatchObject({ source: 'stored', orgId: w.orgs.root, sourceName: name, kind: 'annual_report', periodKind: 'year' });
    expect(template.unboundCount).toBe(placeholders.filter((p) => p.becomes === 'unbound').length - bindings.length);
    // Where it is submitted is the pack's decision, not the uploader's.
    expect(template.template.submit).toMatchObject({ recordType: 'upward_report' });
    expect((await w.viewer.get(`/api/report-templates/${template.id}`)).json()).toEqual(template);
    expect((await w.viewer.get('/api/report-templates')).json().map((t: { id: string }) => t.id)).toContain(template.id);

    const drafted = await w.clerk.post('/api/reports', { orgId: w.orgs.root, templateId: template.id, period: { kind: 'year', year: 2025 }, issueDate: '2026-01-10' });
    expect(drafted.statusCode).toBe(200);
    const report: ReportJson = drafted.json();
    expect(report).toMatchObject({ templateId: template.id, templateSource: 'stored' });
    const text = plainText(report);
    expect(text).not.toContain('{{');
    // Placeholders left are the ones nobody bound (and only those), never one bound to a metric.
    const left = findPlaceholders(text).map((p) => p.text);
    const stillUnbound = placeholders.filter((p) => p.becomes === 'unbound' && !bindings.some((b) => b.index === p.index)).map((p) => p.text);
    expect(left.length).toBeLessThanOrEqual(stillUnbound.length);
    for (const t of left) expect(stillUnbound).toContain(t);
    // Every figure bound to a metric the ledger has is printed with its provenance.
    const printed = new Set(Object.values(report.provenance).map((p) => p.metricId));
    const boundMetrics = new Set([...placeholders.filter((p) => p.metric).map((p) => p.metric!), ...bindings.flatMap((b) => ('metricId' in b ? [b.metricId] : []))]);
    // (or left out with its sentence, where another figure of it is zero on the demo ledger).
    const omitted = (drafted.json().omitted as { text: string }[]).map((o) => o.text);
    for (const metric of boundMetrics) expect(printed.has(metric) || omitted.some((s) => s.includes(`{{metric:${metric}}}`)), metric).toBe(true);
    if (unboundFigures.length > 0) expect(printed.has('article.count')).toBe(true);
    if (names.length > 0) expect(text).toContain('示例区');
  });

  it('deletes a template; the drafts made from it still open, regenerate and download', async () => {
    const preview = (await upload(w.clerk, 'old.txt', fs.readFileSync(SAMPLE_000.file))).json();
    const saved = (await w.clerk.post('/api/report-templates', { name: '待删除的模板', kind: 'annual_report', periodKind: 'year', text: preview.text })).json();
    const report = (await w.clerk.post('/api/reports', { orgId: w.orgs.root, templateId: saved.id, period: { kind: 'year', year: 2025 } })).json();
    const del = await w.clerk.delete(`/api/report-templates/${saved.id}`);
    expect([del.statusCode, del.json()]).toEqual([200, { ok: true }]);
    expect((await w.clerk.get(`/api/report-templates/${saved.id}`)).statusCode).toBe(404);
    expect((await w.clerk.get('/api/report-templates')).json().map((t: { id: string }) => t.id)).not.toContain(saved.id);
    expect((await w.clerk.get(`/api/reports/${report.id}`)).statusCode).toBe(200);
    const regen = await w.clerk.post(`/api/reports/${report.id}/regenerate`);
    expect(regen.statusCode).toBe(200);
    expect(regen.json().report).toMatchObject({ templateId: saved.id, templateName: '待删除的模板', version: 2 });
    expect((await w.clerk.get(`/api/reports/${report.id}/docx`)).statusCode).toBe(200);
    const again = await w.clerk.delete(`/api/report-templates/${saved.id}`);
    expect([again.statusCode, again.json().error.field]).toEqual([404, 'id']);
    // A new draft from it is refused, naming the field.
    const fresh = await w.clerk.post('/api/reports', { orgId: w.orgs.root, templateId: saved.id, period: { kind: 'year', year: 2025 } });
    expect([fresh.statusCode, fresh.json().error.field]).toEqual([404, 'templateId']);
    // A pack template is not the user's to delete.
    const builtIn = await w.clerk.delete('/api/report-templates/annual_report');
    expect([builtIn.statusCode, builtIn.json().error.field]).toEqual([409, 'id']);
  });

  it('refuses an upload that is no report with a 4xx naming the file field, and stores nothing', async () => {
    const before = await reportSnapshot(w.t);
    const cases: [string, () => ReturnType<typeof upload>, number][] = [
      ['a PNG', () => upload(w.clerk, 'photo.png', pngBytes(), { contentType: 'image/png' }), 422],
      ['a PNG named .txt', () => upload(w.clerk, 'report.txt', pngBytes()), 422],
      ['an empty file', () => upload(w.clerk, 'empty.txt', Buffer.alloc(0)), 422],
      ['only blank lines', () => upload(w.clerk, 'blank.txt', Buffer.from('\n \r\n\t\n')), 422],
      ['an old .doc', () => upload(w.clerk, 'old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 422],
      ['a .docx that is none', () => upload(w.clerk, 'report.docx', Buffer.from('一、工作开展情况')), 422],
      ['over the size limit', () => upload(w.clerk, 'big.txt', Buffer.alloc(21 * 1024 * 1024, 0x41)), 413],
      ['the wrong form field', () => upload(w.clerk, 'r.txt', Buffer.from('一、工作'), { field: 'report' }), 400],
      ['no multipart at all', () => w.clerk.post('/api/report-templates/import', { text: '一、工作' }), 400],
    ];
    for (const [what, send] of cases) {
      const res = await send();
      expect([res.statusCode, res.json().error?.field], what).toEqual([expect.any(Number), 'file']);
      expect(res.statusCode, what).toBe(cases.find(([w2]) => w2 === what)![2]);
      expect(res.json().error.message, what).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await upload(w.viewer, 'r.txt', fs.readFileSync(SAMPLE_000.file))).statusCode).toBe(403);
    expect(await reportSnapshot(w.t)).toBe(before);
  });

  it('refuses a bad save naming the field, and stores nothing', async () => {
    const text = fs.readFileSync(SAMPLE_000.file, 'utf8');
    const before = await reportSnapshot(w.t);
    const base = { name: '模板', kind: 'annual_report', periodKind: 'year', text };
    const cases: [unknown, number, string][] = [
      [{ ...base, name: '  ' }, 400, 'name'],
      [{ ...base, kind: 'weekly' }, 400, 'kind'],
      [{ ...base, text: undefined }, 400, 'text'],
      [{ ...base, bindings: [{ index: 0, metricId: 'no.such.metric' }] }, 422, 'bindings.0.metricId'],
      [{ ...base, bindings: [{ index: 0 }, { index: 9999, keep: true }] }, 400, 'bindings.0'],
      [{ ...base, bindings: [{ index: 9999, keep: true }] }, 422, 'bindings.0.index'],
      [{ ...base, bindings: [{ index: 0, metricId: 'article.count', text: '两个' }] }, 400, 'bindings.0'],
      [{ ...base, orgId: 'nope' }, 404, 'orgId'],
      [{ ...base, packId: 'nope' }, 404, 'packId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await w.clerk.post('/api/report-templates', body);
      expect([res.statusCode, res.json().error?.field], JSON.stringify(body).slice(0, 120)).toEqual([status, field]);
    }
    expect(await reportSnapshot(w.t)).toBe(before);
  });
});
