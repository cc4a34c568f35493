import type { Pack, RecordTypeDef } from '../../../core/pack/schema.ts';
import type { Org } from '../../http/types.ts';

/** The pack the ledger shows when the URL names none (the server's default as well). */
export const DEFAULT_PACK_ID = 'ideology';

export interface TypeCategory {
  name: string;
  types: RecordTypeDef[];
}

const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/**
 * A pack's record types grouped by their category, for pickers and filters. The pack gives no
 * order, so categories and the types in them read like a dictionary (by pinyin): predictable for
 * a clerk scanning 20-odd entries.
 */
export function typesByCategory(types: readonly RecordTypeDef[]): TypeCategory[] {
  const groups = new Map<string, RecordTypeDef[]>();
  for (const type of types) groups.set(type.category, [...(groups.get(type.category) ?? []), type]);
  return [...groups.entries()]
    .sort(([a], [b]) => zh(a, b))
    .map(([name, list]) => ({ name, types: [...list].sort((a, b) => zh(a.name, b.name)) }));
}

/** Grouped options for an antd Select of record types. */
export function typeOptions(types: readonly RecordTypeDef[]) {
  return typesByCategory(types).map((category) => ({
    label: category.name,
    title: category.name,
    options: category.types.map((type) => ({ value: type.id, label: type.name })),
  }));
}

export const findType = (pack: Pick<Pack, 'recordTypes'> | undefined, typeId: string | undefined): RecordTypeDef | undefined =>
  typeId ? pack?.recordTypes.find((t) => t.id === typeId) : undefined;

/** Whether an org of this kind keeps records of the type (no list: every kind). */
export const keptBy = (type: Pick<RecordTypeDef, 'orgKinds'>, org: Pick<Org, 'kind'>): boolean =>
  !type.orgKinds || (type.orgKinds as readonly string[]).includes(org.kind);

/** The record types some active org in the user's scope keeps: the ones worth offering for a new record. */
export function typesForOrgs(types: readonly RecordTypeDef[], orgs: readonly Org[]): RecordTypeDef[] {
  const active = orgs.filter((o) => o.active);
  return types.filter((type) => active.some((org) => keptBy(type, org)));
}
