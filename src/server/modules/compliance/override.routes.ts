import { z } from 'zod';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { OverrideParams, OverridePackQuery, PutOverrideBody, RuleOverride } from './override.schema.ts';
import { listOverrides, removeOverride, setOverride } from './override.service.ts';

const tags = ['compliance'];

export async function overrideRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/orgs/:id/rule-overrides',
    {
      config: { access: 'compliance.read' },
      schema: {
        tags, summary: '对本组织生效的要求调整（本级设置的及上级设置的）', params: OverrideParams.pick({ id: true }), querystring: OverridePackQuery,
        response: { 200: z.object({ items: z.array(RuleOverride) }) },
      },
    },
    async (request) => listOverrides(ctx, actorOf(request), request.params.id, request.query.packId),
  );

  app.put(
    '/api/orgs/:id/rule-overrides/:ruleId',
    { config: { access: 'rule.override' }, schema: { tags, summary: '调整本组织及下级适用的要求（最低次数或停用，须写明理由）', params: OverrideParams, body: PutOverrideBody, response: { 200: RuleOverride } } },
    async (request) => setOverride(ctx, actorOf(request), { orgId: request.params.id, ruleId: request.params.ruleId }, request.body),
  );

  app.delete(
    '/api/orgs/:id/rule-overrides/:ruleId',
    { config: { access: 'rule.override' }, schema: { tags, summary: '撤销本组织对某项要求的调整', params: OverrideParams, querystring: OverridePackQuery, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => removeOverride(ctx, actorOf(request), { orgId: request.params.id, ruleId: request.params.ruleId }, request.query.packId),
  );
}
