import { afterAll, beforeAll, expect, it } from 'vitest';
import { attrs, paragraphs, readDocx, styleXml, textOf } from '../../../../test/support/docxXml.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { closeReportWorld, draftReport, plainText, type ReportWorld, reportWorld } from '../../../../test/support/reportWorld.ts';
import type { DraftBlock } from '../../../core/report/draftModel.ts';
import { computeMetric } from '../metrics/metric.service.ts';

// Each shipped template drafted on the demo bureau's ledger: real figures, nothing left for the
// user, every figure traceable to its records, and a Word file in the official layout.

describeEachDialect('reports: drafting the shipped templates on the demo ledger', (dialect) => {
  let w: ReportWorld;
  const drafts: Record<string, { id: string; document: { title: string | null; blocks: DraftBlock[] }; provenance: Record<string, { metricId: string | null; recordCount: number }> }> = {};
  beforeAll(async () => {
    w = await reportWorld(dialect);
    const periods = { annual_report: { kind: 'year', year: 2025 }, half_year_report: { kind: 'half_year', year: 2025, half: 2 }, duty_report: { kind: 'year', year: 2025 } };
    for (const [templateId, period] of Object.entries(periods)) drafts[templateId] = await draftReport(w.clerk, { orgId: w.orgs.root, templateId, period, issueDate: '2026-01-10' });
  });
  afterAll(() => closeReportWorld(w));

  it.each(['annual_report', 'half_year_report', 'duty_report'])('%s reads like the samples, with real figures and no placeholder left', (templateId) => {
    const text = plainText(drafts[templateId]!);
    expect(text).not.toMatch(/[*＊×]|X{1,3}|\{\{|【|待补充/);
    expect(text).toMatch(/^示例市文化广电旅游局党组/);
    expect(text).toMatch(/现将.+(报告|汇报)如下：/);
    for (const heading of ['一、', '二、', '三、']) expect(drafts[templateId]!.document.blocks.some((b) => 'marker' in b && b.marker === heading)).toBe(true);
    expect(Object.keys(drafts[templateId]!.provenance).length).toBeGreaterThan(10);
  });

  it('prints the ledger figure and traces it to exactly the records the metric counts', async () => {
    const report = drafts.annual_report!;
    const figure = await computeMetric(w.t.ctx, { packId: 'ideology', metricId: 'topic_meeting.dedicated.count', orgId: w.orgs.root, from: '2025-01-01', to: '2025-12-31' });
    expect(plainText(report)).toContain(`先后${figure.value}次专题研究意识形态工作`);
    const [runId] = Object.entries(report.provenance).find(([, p]) => p.metricId === 'topic_meeting.dedicated.count')!;
    const res = await w.viewer.get(`/api/reports/${report.id}/provenance/${runId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ runId, kind: 'metric', metricId: 'topic_meeting.dedicated.count', total: figure.value, recordCount: figure.value });
    expect(res.json().items.map((r: { id: string }) => r.id).sort()).toEqual([...figure.recordIds].sort());
    expect(res.json().items[0]).toMatchObject({ typeId: 'topic_meeting', orgName: '示例市文化广电旅游局党组' });
  });

  it('says which sentences it left out and why, and prints no zero', async () => {
    const res = await w.clerk.get(`/api/reports/${drafts.annual_report!.id}`);
    const omitted = res.json().omitted as { reason: string; slot: string | null }[];
    // The demo bureau has no party branches: its theme days and branch meetings are left out.
    expect(omitted).toContainEqual(expect.objectContaining({ reason: 'empty', slot: '{{records:theme_day limit=3}}' }));
    expect(omitted).toContainEqual(expect.objectContaining({ reason: 'zero', slot: '{{metric:branch_meeting.count}}' }));
    expect(plainText(res.json())).not.toMatch(/[^\d.]0(次|篇|个|份|场|人次|小时|起|期|条)/);
  });

  it('signs the duty report with the title and name of the secretary, in the first person', () => {
    const blocks = drafts.duty_report!.document.blocks;
    expect(plainText(drafts.duty_report!)).toContain('本人');
    const res = drafts.duty_report as unknown as { document: { signature: { org: string; date: string } } };
    expect(res.document.signature).toEqual({ org: '示例市文化广电旅游局党组书记 王建国', date: '2026-01-10' });
    expect(blocks.length).toBeGreaterThan(5);
  });

  it('exports a DOCX in the official layout: A4, margins, grid, fonts, page numbers, title and signature', async () => {
    const res = await w.inspector.get(`/api/reports/${drafts.annual_report!.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="report-2025-v1\.docx"; filename\*=UTF-8''%E7%A4%BA%E4%BE%8B/);
    const parts = await readDocx(res.rawPayload);
    expect(attrs(parts.document, 'pgSz')).toMatchObject({ w: '11906', h: '16838' });
    expect(attrs(parts.document, 'pgMar')).toMatchObject({ top: '2098', left: '1588', right: '1474', bottom: '1984' });
    expect(attrs(parts.document, 'docGrid')).toMatchObject({ linePitch: '579' });
    expect(attrs(styleXml(parts.styles, 'Normal'), 'rFonts')?.eastAsia).toBe('仿宋_GB2312');
    expect(attrs(styleXml(parts.styles, 'ReportTitle'), 'rFonts')?.eastAsia).toBe('方正小标宋简体');
    expect(attrs(styleXml(parts.styles, 'ReportHeading1'), 'rFonts')?.eastAsia).toBe('黑体');
    expect(attrs(styleXml(parts.styles, 'ReportHeading2'), 'rFonts')?.eastAsia).toBe('楷体_GB2312');
    expect(Object.keys(parts.footers).sort()).toEqual(['default', 'even']);
    const texts = paragraphs(parts.document).map(textOf);
    expect(texts[0]).toBe('示例市文化广电旅游局党组关于2025年意识形态工作情况的报告');
    expect(texts).toContain('一、工作开展情况');
    expect(texts.slice(-2)).toEqual(['示例市文化广电旅游局党组', '2026年1月10日']);
    expect(texts.join('')).not.toMatch(/[*＊]|\{\{/);
  });

  it('answers a PDF request with 503 and a Chinese message where LibreOffice is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const res = await w.clerk.get(`/api/reports/${drafts.annual_report!.id}/pdf`);
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'PDF_UNAVAILABLE', message: '服务器未安装 LibreOffice，无法导出 PDF；请下载 Word 文件' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses a period the template is not for, and a template that does not exist', async () => {
    const wrong = await w.clerk.post('/api/reports', { orgId: w.orgs.root, templateId: 'annual_report', period: { kind: 'quarter', year: 2025, quarter: 1 } });
    expect([wrong.statusCode, wrong.json().error.field]).toEqual([422, 'period.kind']);
    expect(wrong.json().error.message).toBe('模板“年度意识形态工作情况报告”用于年度报告，请按年度选择报告期');
    const missing = await w.clerk.post('/api/reports', { templateId: 'nope', period: { kind: 'year', year: 2025 } });
    expect([missing.statusCode, missing.json().error.field]).toEqual([404, 'templateId']);
    const half = await w.clerk.post('/api/reports', { templateId: 'half_year_report', period: { kind: 'half_year', year: 2025 } });
    expect([half.statusCode, half.json().error.message]).toEqual([400, '字段 period：半年须为 1（上半年）或 2（下半年）']);
  });
});
