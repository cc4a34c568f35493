import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { IdParams } from '../org/org.schema.ts';
import { CreateRecordBody, RecordDto, RecordList, RecordListQuery, UpdateRecordBody } from './record.schema.ts';
import { createRecord, editRecord, getRecord, listRecords, setDeleted } from './record.service.ts';

const tags = ['ledger'];

export async function recordRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/records',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '台账记录列表（管辖范围内，可按类型、组织、日期、关键词筛选）', querystring: RecordListQuery, response: { 200: RecordList } },
    },
    async (request) => listRecords(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/records/:id',
    { config: { access: 'ledger.read' }, schema: { tags, summary: '台账记录详情（含已删除记录）', params: IdParams, response: { 200: RecordDto } } },
    async (request) => getRecord(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/records',
    { config: { access: 'ledger.write' }, schema: { tags, summary: '新增台账记录（字段按制度包校验）', body: CreateRecordBody, response: { 200: RecordDto } } },
    async (request) => createRecord(ctx, actorOf(request), request.body),
  );

  app.patch(
    '/api/records/:id',
    {
      config: { access: 'ledger.write' },
      schema: { tags, summary: '修改台账记录（fields 整体替换并重新校验）', params: IdParams, body: UpdateRecordBody, response: { 200: RecordDto } },
    },
    async (request) => editRecord(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/records/:id',
    { config: { access: 'ledger.write' }, schema: { tags, summary: '删除台账记录（保留删除记录，记入审计日志）', params: IdParams, response: { 200: RecordDto } } },
    async (request) => setDeleted(ctx, actorOf(request), request.params.id, true),
  );

  app.post(
    '/api/records/:id/restore',
    { config: { access: 'ledger.write' }, schema: { tags, summary: '恢复已删除的台账记录', params: IdParams, response: { 200: RecordDto } } },
    async (request) => setDeleted(ctx, actorOf(request), request.params.id, false),
  );
}
