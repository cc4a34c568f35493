import { ORG_KIND_LABELS, type OrgKind } from '../../../core/org/kinds.ts';
import type { OrgDto } from './org.schema.ts';
import type { OrgRow } from './org.table.ts';

/** A kind outside the list (from an older pack, say) is shown by its code rather than hidden. */
export const orgKindLabel = (kind: string): string => ORG_KIND_LABELS[kind as OrgKind] ?? kind;

export function presentOrg(row: OrgRow): OrgDto {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    name: row.name,
    kind: row.kind,
    kindLabel: orgKindLabel(row.kind),
    code: row.code,
    sortOrder: Number(row.sort_order),
    active: row.deactivated_at === null,
    deactivatedAt: row.deactivated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
