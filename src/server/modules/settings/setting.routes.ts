import { z } from 'zod';
import { NUMERIC_POLICY_KEYS, POLICY_BOUNDS, type NumericPolicyKey, type SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { unprocessable } from '../../platform/errors.ts';
import { actorOf } from '../../platform/guard.ts';
import { adminIpAllowed, normalizeIp, parseCidr } from '../../platform/ipAllowlist.ts';
import { policyCache } from '../../platform/policyCache.ts';
import { auditedWrite, recordAudit } from '../audit/audit.repository.ts';
import { getPolicy, POLICY_KEY, putSetting } from './setting.repository.ts';

const LABELS: Record<NumericPolicyKey, string> = {
  passwordMinLength: '密码最小长度',
  passwordMinClasses: '密码至少包含的字符类别数',
  passwordMaxLength: '密码最大长度',
  passwordMaxAgeDays: '密码有效期（天，0为不过期）',
  passwordHistory: '不得重复使用的历史密码个数',
  lockoutThreshold: '连续登录失败锁定次数',
  lockoutMinutes: '锁定时长（分钟）',
  idleTimeoutMinutes: '会话空闲超时（分钟）',
  absoluteSessionHours: '会话最长有效期（小时）',
  auditRetentionDays: '审计日志保存期限（天）',
};

const Cidr = z
  .string()
  .max(64, 'IP地址或网段过长')
  .refine((text) => parseCidr(text) !== null, '不是有效的IP地址或网段（例如 10.0.0.0/8、192.168.1.5 或 2001:db8::/32）');

const PolicySchema = z
  .object({
    ...(Object.fromEntries(
      NUMERIC_POLICY_KEYS.map((key) => {
        const [min, max] = POLICY_BOUNDS[key];
        return [key, z.number().int().min(min, `${LABELS[key]}不能小于${min}`).max(max, `${LABELS[key]}不能大于${max}`).describe(LABELS[key])];
      }),
    ) as Record<NumericPolicyKey, z.ZodNumber>),
    adminIpAllowlist: z.array(Cidr).max(100, '管理员登录地址最多100条').describe('管理员（三员）允许登录的IP地址或网段；为空则不限制'),
    requireAdminMfa: z.boolean().describe('管理员须使用双因素认证（动态验证码）'),
  })
  .strict()
  .refine((p) => p.passwordMaxLength >= p.passwordMinLength, { message: '密码最大长度不能小于最小长度', path: ['passwordMaxLength'] });

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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
      const body = request.body as SecurityPolicy;
      // Canonical CIDRs, each once: `10.1.2.3` is stored as `10.1.2.3/32`.
      const next: SecurityPolicy = { ...body, adminIpAllowlist: [...new Set(body.adminIpAllowlist.map((c) => parseCidr(c)!.canonical))] };
      // Lock-out guard: the security administrator saving the list must stay inside it, or nobody
      // could ever change it back.
      if (!adminIpAllowed(next.adminIpAllowlist, request.ip)) {
        await recordAudit(ctx, actor, {
          action: 'policy.update_refused', result: 'denied', targetType: 'setting', targetId: POLICY_KEY,
          summary: { reason: 'allowlist_excludes_self', ip: normalizeIp(request.ip) },
        });
        throw unprocessable(
          'ALLOWLIST_EXCLUDES_SELF',
          `管理员登录地址不包含您当前的IP地址（${normalizeIp(request.ip)}），保存后您将无法继续管理本系统。请先把当前地址或其所在网段加入列表。`,
          'adminIpAllowlist',
        );
      }
      await auditedWrite(ctx, actor, async (trx) => {
        const before = await getPolicy(trx);
        await putSetting(trx, POLICY_KEY, next, actor.userId);
        const changed = (Object.keys(next) as (keyof SecurityPolicy)[]).filter((k) => !sameValue(before[k], next[k]));
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
