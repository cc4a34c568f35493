import { z } from 'zod';
import { Pack, PackId } from '../../../core/pack/schema.ts';

// The packs API: a list for menus and pickers, and one whole pack for the forms, lists and
// compliance pages the web app builds from it.

export const PackSummary = z
  .object({
    id: PackId.describe('制度包 id'),
    name: z.string().describe('名称'),
    version: z.string().describe('版本'),
    description: z.string().nullable().describe('说明'),
    recordTypeCount: z.number().int().describe('记录类型数'),
    ruleCount: z.number().int().describe('规则数'),
  })
  .meta({ id: 'PackSummary' });
export type PackSummary = z.infer<typeof PackSummary>;

/** The validated pack as loaded; `version` is already text there (the manifest's transform ran at load). */
export const PackOut = Pack.extend({ version: z.string().describe('版本') }).meta({ id: 'Pack' });

export const PackParams = z.object({ id: PackId.max(64).describe('制度包 id') });

export function presentPackSummary(pack: Pack): PackSummary {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    description: pack.description ?? null,
    recordTypeCount: pack.recordTypes.length,
    ruleCount: pack.rules.length,
  };
}
