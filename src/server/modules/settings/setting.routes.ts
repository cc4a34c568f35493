import { z } from 'zod';
import { DEFAULT_POLICY, POLICY_BOUNDS, type SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { policyCache } from '../../platform/policyCache.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { getPolicy, POLICY_KEY, putSetting } from './setting.repository.ts';

const LABELS: Record<keyof SecurityPolicy, string> = {
  passwordMinLength: '密码最小长度',
  passwordMinClasses: '密码至少包含的字符类别数',
  passwordMaxLength: '密码最大长度',
  passwordMaxAgeDays: '密码有效期（天，0为不过期）',
  passwordHistory: '不得重复使用的历史密码个数',
  lockoutThreshold: '连续登录失败锁定次数',
  lockoutMinutes: '锁定时长（分钟）',
  idleTimeoutMinutes: '会话空闲超时（分钟）',
  absoluteSessionHours: '会话最长有效期（小时）',
};

const PolicySchema = z
  .object(
    Object.fromEntries(
      (Object.keys(DEFAULT_POLICY) as (keyof SecurityPolicy)[]).map((key) => {
        const [min, max] = POLICY_BOUNDS[key];
        return [key, z.number().int().min(min, `${LABELS[key]}不能小于${min}`).max(max, `${LABELS[key]}不能大于${max}`).describe(LABELS[key])];
      }),
    ) as Record<keyof SecurityPolicy, z.ZodNumber>,
  )
  .strict()
  .refine((p) => p.passwordMaxLength >= p.passwordMinLength, { message: '密码最大长度不能小于最小长度', path: ['passwordMaxLength'] });

const tags = ['settings'];

export async function settingRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/settings/security-policy',
    { config: { access: 'policy.read' }, schema: { tags, summary: '安全策略', response: { 200: PolicySchema } } },
    async () => getPolicy(ctx.db),
  );

  app.put(
    '/api/settings/security-policy',
    { config: { access: 'policy.manage' }, schema: { tags, summary: '修改安全策略（安全管理员）', body: PolicySchema, response: { 200: PolicySchema } } },
    async (request) => {
      const actor = actorOf(request);
      const next = request.body as SecurityPolicy;
      await auditedWrite(ctx, actor, async (trx) => {
        const before = await getPolicy(trx);
        await putSetting(trx, POLICY_KEY, next, actor.userId);
        const changed = (Object.keys(next) as (keyof SecurityPolicy)[]).filter((k) => before[k] !== next[k]);
        return {
          result: null,
          audit: { action: 'policy.update', targetType: 'setting', targetId: POLICY_KEY, summary: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])) },
        };
      });
      policyCache.invalidate(ctx.db);
      return next;
    },
  );
}
