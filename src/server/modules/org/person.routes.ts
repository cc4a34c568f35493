import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { attachment } from './download.ts';
import { IdParams, Ok } from './org.schema.ts';
import { exportPerson } from './person.export.ts';
import { CreatePersonBody, Person, PersonContact, PersonExport, PersonListQuery, UpdatePersonBody } from './person.schema.ts';
import { createPerson, editPerson, getPerson, listPeople, removePerson, unmaskContact } from './person.service.ts';

const tags = ['people'];

export async function personRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/people',
    { config: { access: 'org.read' }, schema: { tags, summary: '人员列表（联系方式脱敏）', querystring: PersonListQuery, response: { 200: listOf(Person) } } },
    async (request) => listPeople(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/people/:id',
    { config: { access: 'org.read' }, schema: { tags, summary: '人员详情（联系方式脱敏）', params: IdParams, response: { 200: Person } } },
    async (request) => getPerson(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/people/:id/contact',
    { config: { access: 'people.manage' }, schema: { tags, summary: '查看完整联系方式（记入审计日志）', params: IdParams, response: { 200: PersonContact } } },
    async (request) => unmaskContact(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/people/:id/export',
    {
      config: { access: 'people.manage' },
      schema: { tags, summary: '导出该人员的全部个人信息（个人信息保护法，记入审计日志）', params: IdParams, response: { 200: PersonExport } },
    },
    async (request, reply) => {
      const document = await exportPerson(ctx, actorOf(request), request.params.id);
      attachment(reply, { ascii: `person-${document.person.id}.json`, utf8: `个人信息-${document.person.name}.json`, type: 'application/json; charset=utf-8' });
      return document;
    },
  );

  app.post(
    '/api/people',
    { config: { access: 'people.manage' }, schema: { tags, summary: '新增人员', body: CreatePersonBody, response: { 200: Person } } },
    async (request) => createPerson(ctx, actorOf(request), request.body),
  );

  app.patch(
    '/api/people/:id',
    { config: { access: 'people.manage' }, schema: { tags, summary: '修改人员（联系方式传null清除）', params: IdParams, body: UpdatePersonBody, response: { 200: Person } } },
    async (request) => editPerson(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/people/:id',
    { config: { access: 'people.manage' }, schema: { tags, summary: '删除人员（个人信息删除，连同其责任角色和领导小组成员身份）', params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await removePerson(ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
