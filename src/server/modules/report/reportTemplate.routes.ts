import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { readUpload } from '../../platform/upload.ts';
import { Ok } from '../org/org.schema.ts';
import { MAX_REPORT_BYTES } from './reportFile.ts';
import { ImportPreview, ImportQuery, SaveTemplateBody, TemplateDetail, TemplateGetQuery, TemplateListQuery, TemplateParams, TemplateSummary } from './reportTemplate.schema.ts';
import { deleteTemplate, getTemplate, listTemplates, previewImport, saveTemplate } from './reportTemplate.service.ts';

const tags = ['reports'];

export async function reportTemplateRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/report-templates',
    { config: { access: 'report.read' }, schema: { tags, summary: '报告模板列表：制度包自带的模板和管辖范围内各组织导入的模板', querystring: TemplateListQuery, response: { 200: z.array(TemplateSummary) } } },
    async (request) => listTemplates(ctx, actorOf(request), request.query),
  );

  app.post(
    '/api/report-templates/import',
    {
      config: { access: 'report.write' },
      schema: {
        tags,
        summary: '读取上传的旧报告（multipart 字段 file；.txt 或 .docx）：提纲、占位符及自动绑定、转换出的模板，供用户核对后保存（不保存）',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: ImportPreview },
      },
    },
    async (request) => {
      const upload = await readUpload(request, { maxBytes: Math.min(ctx.config.maxUploadBytes, MAX_REPORT_BYTES), what: '报告文件' });
      return previewImport(ctx, upload, request.query);
    },
  );

  app.post(
    '/api/report-templates',
    { config: { access: 'report.write' }, schema: { tags, summary: '保存报告模板：导入的旧报告正文加用户的绑定，或直接给出模板正文；按制度包校验', body: SaveTemplateBody, response: { 200: TemplateDetail } } },
    async (request) => saveTemplate(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/report-templates/:id',
    { config: { access: 'report.read' }, schema: { tags, summary: '报告模板详情（含模板正文）', params: TemplateParams, querystring: TemplateGetQuery, response: { 200: TemplateDetail } } },
    async (request) => getTemplate(ctx, actorOf(request), request.params.id, request.query.packId),
  );

  app.delete(
    '/api/report-templates/:id',
    { config: { access: 'report.write' }, schema: { tags, summary: '删除导入的报告模板（已起草的报告不受影响）', params: TemplateParams, response: { 200: Ok } } },
    async (request) => deleteTemplate(ctx, actorOf(request), request.params.id),
  );
}
