import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { attachment } from '../org/download.ts';
import {
  ApproveBody, BlockParams, CreateReportBody, EditBlockBody, NoteBody, ProvenanceQuery, ProvenanceRecords, RegenerateResult, ReportDetail, ReportListQuery,
  ReportParams, ReportSummary, RunParams, Submissions, SubmissionsQuery, VersionDetail, VersionParams, VersionQuery,
} from './report.schema.ts';
import { createReport, getReport, getReportVersion, listReports } from './report.service.ts';
import { approveReport, editBlock, regenerateReport } from './reportEdit.service.ts';
import { DOCX_MIME, type ReportFile, reportDocx, reportPdf } from './reportExport.service.ts';
import { provenanceRecords } from './reportProvenance.service.ts';
import { submitReport } from './reportSubmit.service.ts';
import { listSubmissions } from './reportSubmissions.service.ts';
import { reportTemplateRoutes } from './reportTemplate.routes.ts';

const tags = ['reports'];

/** The reports module: templates, drafts and their versions, approval, submission, Word and PDF. */
export async function reportRoutes(app: App, ctx: AppContext): Promise<void> {
  await reportTemplateRoutes(app, ctx);

  app.post(
    '/api/reports',
    { config: { access: 'report.write' }, schema: { tags, summary: '按模板为组织和报告期起草报告（第1版；数字取自本级及下级台账）', body: CreateReportBody, response: { 200: ReportDetail } } },
    async (request) => createReport(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/reports',
    { config: { access: 'report.read' }, schema: { tags, summary: '报告列表（本级及下级，可按状态、类别、年度筛选）', querystring: ReportListQuery, response: { 200: listOf(ReportSummary) } } },
    async (request) => listReports(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/reports/submissions',
    { config: { access: 'report.read' }, schema: { tags, summary: '下级单位报告报送情况：谁已报送、谁未报送，可阅读已报送的版本', querystring: SubmissionsQuery, response: { 200: Submissions } } },
    async (request) => listSubmissions(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/reports/:id',
    { config: { access: 'report.read' }, schema: { tags, summary: '报告当前版本：正文（含每个数字的来源）、删去的句子、版本列表', params: ReportParams, response: { 200: ReportDetail } } },
    async (request) => getReport(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/reports/:id/blocks/:blockId',
    { config: { access: 'report.write' }, schema: { tags, summary: '修改一段（生成新版本；重新生成时保留）；text 为 null 恢复生成的文字', params: BlockParams, body: EditBlockBody, response: { 200: ReportDetail } } },
    async (request) => editBlock(ctx, actorOf(request), request.params.id, request.params.blockId, request.body),
  );

  app.post(
    '/api/reports/:id/regenerate',
    { config: { access: 'report.write' }, schema: { tags, summary: '按最新台账重新生成（保留用户改写的段落，列出变化的数字）', params: ReportParams, response: { 200: RegenerateResult } } },
    async (request) => regenerateReport(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/reports/:id/versions/:n',
    { config: { access: 'report.read' }, schema: { tags, summary: '报告的某一版本', params: VersionParams, response: { 200: VersionDetail } } },
    async (request) => getReportVersion(ctx, actorOf(request), request.params.id, request.params.n),
  );

  app.get(
    '/api/reports/:id/provenance/:runId',
    { config: { access: 'report.read' }, schema: { tags, summary: '数字或清单所依据的台账记录', params: RunParams, querystring: ProvenanceQuery, response: { 200: ProvenanceRecords } } },
    async (request) => provenanceRecords(ctx, actorOf(request), request.params.id, request.params.runId, request.query),
  );

  app.post(
    '/api/reports/:id/approve',
    { config: { access: 'report.approve' }, schema: { tags, summary: '领导审定当前版本（审定后冻结，不能再修改）', params: ReportParams, body: ApproveBody.nullish(), response: { 200: ReportDetail } } },
    async (request) => approveReport(ctx, actorOf(request), request.params.id, request.body?.note, request.body?.version),
  );

  app.post(
    '/api/reports/:id/submit',
    { config: { access: 'report.write' }, schema: { tags, summary: '报送上级（仅已审定的报告；按模板在台账中登记报送记录，附报告正文）', params: ReportParams, body: NoteBody.nullish(), response: { 200: ReportDetail } } },
    async (request) => submitReport(ctx, actorOf(request), request.params.id, request.body?.note),
  );

  const send = (file: ReportFile, type: string) => ({ ascii: file.ascii, utf8: file.name, type });
  app.get(
    '/api/reports/:id/docx',
    { config: { access: 'report.read' }, schema: { tags, summary: '下载 Word 文件（GB/T 9704-2012 公文格式）', params: ReportParams, querystring: VersionQuery } },
    async (request, reply) => {
      const file = await reportDocx(ctx, actorOf(request), request.params.id, request.query.version);
      attachment(reply, send(file, DOCX_MIME));
      return reply.send(file.bytes);
    },
  );

  app.get(
    '/api/reports/:id/pdf',
    { config: { access: 'report.read' }, schema: { tags, summary: '下载 PDF（服务器须安装 LibreOffice，否则返回 503）', params: ReportParams, querystring: VersionQuery } },
    async (request, reply) => {
      const file = await reportPdf(ctx, actorOf(request), request.params.id, request.query.version);
      attachment(reply, send(file, 'application/pdf'));
      return reply.send(file.bytes);
    },
  );
}
