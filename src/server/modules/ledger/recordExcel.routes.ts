import { EVIDENCE_TYPES } from '../../../core/files/fileType.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { readUpload } from '../../platform/upload.ts';
import { attachment } from '../org/download.ts';
import { RecordExportQuery, RecordTypeQuery } from './record.schema.ts';
import { ImportRecordsResult } from './recordExcel.schema.ts';
import { exportRecords, importRecords, templateFor } from './recordExcel.service.ts';

const tags = ['ledger'];

export async function recordExcelRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/records/template',
    { config: { access: 'ledger.write' }, schema: { tags, summary: '下载某类台账的Excel导入模板（含下拉选项和说明）', querystring: RecordTypeQuery } },
    async (request, reply) => {
      const { buffer, typeName } = await templateFor(ctx, request.query.packId, request.query.typeId);
      attachment(reply, { ascii: `${request.query.typeId}-template.xlsx`, utf8: `${typeName}-导入模板.xlsx`, type: EVIDENCE_TYPES.xlsx });
      return reply.send(buffer);
    },
  );

  app.post(
    '/api/records/import',
    {
      config: { access: 'ledger.write' },
      schema: {
        tags,
        summary: '从Excel导入某类台账（multipart 字段 file；全部成功或全部不写入，错误见 error.details：sheet、row、column、message）',
        consumes: ['multipart/form-data'],
        querystring: RecordTypeQuery,
        response: { 200: ImportRecordsResult },
      },
    },
    async (request) => {
      const file = await readUpload(request, { maxBytes: ctx.config.maxUploadBytes, what: 'Excel文件' });
      return importRecords(ctx, actorOf(request), request.query.packId, request.query.typeId, file);
    },
  );

  app.get(
    '/api/records/export',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '导出筛选后的台账记录（.xlsx，每类一个工作表，按日期排序，人员显示姓名、选项显示名称）', querystring: RecordExportQuery },
    },
    async (request, reply) => {
      const { stream, name } = await exportRecords(ctx, actorOf(request), request.query);
      attachment(reply, { ascii: 'records.xlsx', utf8: name, type: EVIDENCE_TYPES.xlsx });
      return reply.send(stream);
    },
  );
}
