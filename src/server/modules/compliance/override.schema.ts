import { z } from 'zod';

export const OverrideParams = z.object({
  id: z.string().min(1).max(100).describe('组织ID'),
  ruleId: z.string().min(1).max(64).describe('规则ID'),
});

export const OverridePackQuery = z.object({ packId: z.string().min(1).max(64).default('ideology').describe('制度包ID，默认 ideology') });

export const PutOverrideBody = z
  .object({
    packId: z.string().min(1, '请指定制度包').max(64).describe('制度包ID'),
    min: z.number().int('最低次数须为整数').min(1, '最低次数至少为1').max(10_000, '最低次数不能超过10000').nullable().optional()
      .describe('本组织及下级适用的最低次数；空为沿用制度包的规定'),
    enabled: z.boolean({ error: '请选择是否适用' }).describe('是否适用；false 为本组织及下级停用该要求'),
    reason: z.string({ error: '请填写调整理由' }).trim().min(1, '请填写调整理由（如依据的本地实施细则）').max(500, '调整理由不能超过500字')
      .describe('调整理由，如依据的本地实施细则'),
  })
  .strict();

export const RuleOverride = z.object({
  id: z.string(),
  packId: z.string(),
  ruleId: z.string(),
  ruleName: z.string().describe('要求名称'),
  orgId: z.string().describe('设置调整的组织'),
  orgName: z.string(),
  inherited: z.boolean().describe('true：由上级组织设置、对本组织生效'),
  min: z.number().int().nullable().describe('调整后的最低次数；空为沿用制度包'),
  enabled: z.boolean().describe('是否适用'),
  reason: z.string().describe('调整理由'),
  packMin: z.number().int().nullable().describe('制度包规定的最低次数（规则已不在制度包中时为空）'),
  updatedAt: z.string(),
});
export type RuleOverrideDto = z.infer<typeof RuleOverride>;
