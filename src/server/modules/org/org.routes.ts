import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { dutyRoutes } from './duty.routes.ts';
import { CreateOrgBody, IdParams, MoveOrgBody, Org, OrgDetail, OrgListQuery, UpdateOrgBody } from './org.schema.ts';
import { createOrg, getOrgDetail, listOrgs, moveOrg, setOrgActive, updateOrg } from './org.service.ts';

const tags = ['org'];

export async function orgRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/orgs',
    { config: { access: 'org.read' }, schema: { tags, summary: '管辖范围内的组织（扁平列表，按层级和排序）', querystring: OrgListQuery, response: { 200: listOf(Org) } } },
    async (request) => listOrgs(ctx, actorOf(request), request.query.includeInactive === 'true'),
  );

  app.get(
    '/api/orgs/:id',
    { config: { access: 'org.read' }, schema: { tags, summary: '组织详情', params: IdParams, response: { 200: OrgDetail } } },
    async (request) => getOrgDetail(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/api/orgs',
    { config: { access: 'org.manage' }, schema: { tags, summary: '新建组织', body: CreateOrgBody, response: { 200: Org } } },
    async (request) => createOrg(ctx, actorOf(request), request.body),
  );

  app.patch(
    '/api/orgs/:id',
    { config: { access: 'org.manage' }, schema: { tags, summary: '修改组织（名称、类型、编码、排序）', params: IdParams, body: UpdateOrgBody, response: { 200: Org } } },
    async (request) => updateOrg(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/orgs/:id/move',
    { config: { access: 'org.manage' }, schema: { tags, summary: '移动组织（连同全部下级）', params: IdParams, body: MoveOrgBody, response: { 200: Org } } },
    async (request) => moveOrg(ctx, actorOf(request), request.params.id, request.body.parentId),
  );

  app.post(
    '/api/orgs/:id/deactivate',
    { config: { access: 'org.manage' }, schema: { tags, summary: '停用组织（连同全部下级）', params: IdParams, response: { 200: Org } } },
    async (request) => setOrgActive(ctx, actorOf(request), request.params.id, false),
  );

  app.post(
    '/api/orgs/:id/reactivate',
    { config: { access: 'org.manage' }, schema: { tags, summary: '启用组织（仅本组织，上级须已启用）', params: IdParams, response: { 200: Org } } },
    async (request) => setOrgActive(ctx, actorOf(request), request.params.id, true),
  );

  // Duty roles and leading groups hang off /api/orgs/:id as well; they register with the org routes
  // so that the module list in modules/index.ts stays one line per route file it already names.
  await dutyRoutes(app, ctx);
}
