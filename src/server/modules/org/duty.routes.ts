import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { listOf } from '../../platform/listQuery.ts';
import { CreateDutyAssignmentBody, CreateLeadingGroupMemberBody, DutyAssignment, LeadingGroupMember, YearQuery } from './duty.schema.ts';
import { addGroupMember, assignDuty, listOrgDuties, listOrgLeadingGroup, removeDuty, removeGroupMember } from './duty.service.ts';
import { IdParams, Ok } from './org.schema.ts';

const tags = ['org'];

/** Duty roles and leading groups of an org; registered by orgRoutes. */
export async function dutyRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/orgs/:id/duty-assignments',
    { config: { access: 'org.read' }, schema: { tags, summary: '组织某年度的责任角色', params: IdParams, querystring: YearQuery, response: { 200: listOf(DutyAssignment) } } },
    async (request) => listOrgDuties(ctx, actorOf(request), request.params.id, request.query.year),
  );

  app.post(
    '/api/orgs/:id/duty-assignments',
    {
      config: { access: 'people.manage' },
      schema: { tags, summary: '分配责任角色', params: IdParams, body: CreateDutyAssignmentBody, response: { 200: DutyAssignment } },
    },
    async (request) => assignDuty(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/duty-assignments/:id',
    { config: { access: 'people.manage' }, schema: { tags, summary: '移除责任角色', params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await removeDuty(ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/orgs/:id/leading-group',
    { config: { access: 'org.read' }, schema: { tags, summary: '组织某年度的意识形态工作领导小组', params: IdParams, querystring: YearQuery, response: { 200: listOf(LeadingGroupMember) } } },
    async (request) => listOrgLeadingGroup(ctx, actorOf(request), request.params.id, request.query.year),
  );

  app.post(
    '/api/orgs/:id/leading-group',
    {
      config: { access: 'people.manage' },
      schema: { tags, summary: '加入领导小组', params: IdParams, body: CreateLeadingGroupMemberBody, response: { 200: LeadingGroupMember } },
    },
    async (request) => addGroupMember(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/leading-group-members/:id',
    { config: { access: 'people.manage' }, schema: { tags, summary: '移出领导小组', params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await removeGroupMember(ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
