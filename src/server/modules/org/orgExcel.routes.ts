import type { App } from '../../app.ts';
import { nowIso } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { readUpload } from '../../platform/upload.ts';
import { attachment } from './download.ts';
import { ImportResult } from './orgExcel.schema.ts';
import { exportWorkbook, importWorkbook, templateWorkbook } from './orgExcel.service.ts';

const tags = ['org'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Access is org.read at the door; the services then require org.manage or people.manage, per sheet
// for imports, because one workbook carries both kinds of data.
export async function orgExcelRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/org-excel/template',
    { config: { access: 'org.read' }, schema: { tags, summary: '下载组织人员导入模板（.xlsx，需组织管理或人员管理权限）' } },
    async (request, reply) => {
      const buffer = await templateWorkbook(actorOf(request));
      attachment(reply, { ascii: 'org-import-template.xlsx', utf8: '组织人员导入模板.xlsx', type: XLSX });
      return reply.send(buffer);
    },
  );

  app.get(
    '/api/org-excel/export',
    { config: { access: 'org.read' }, schema: { tags, summary: '导出管辖范围内的组织和人员（.xlsx，无人员管理权限时联系方式脱敏）' } },
    async (request, reply) => {
      const buffer = await exportWorkbook(ctx, actorOf(request));
      attachment(reply, { ascii: 'orgs.xlsx', utf8: `组织人员-${nowIso().slice(0, 10)}.xlsx`, type: XLSX });
      return reply.send(buffer);
    },
  );

  app.post(
    '/api/org-excel/import',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: '导入组织和人员（multipart 字段 file，.xlsx；全部成功或全部不写入，错误见 error.details）',
        consumes: ['multipart/form-data'],
        response: { 200: ImportResult },
      },
    },
    async (request) => importWorkbook(ctx, actorOf(request), await readUpload(request, { maxBytes: ctx.config.maxUploadBytes, what: 'Excel文件' })),
  );
}
