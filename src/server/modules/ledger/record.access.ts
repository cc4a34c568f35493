import { appliesToKind, type CheckedFields, checkFields, type FieldIssue, type FieldRef, type FieldRefs } from '../../../core/ledger/fields.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../../../core/org/kinds.ts';
import type { Pack, RecordTypeDef } from '../../../core/pack/schema.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { unprocessable } from '../../platform/errors.ts';
import { orgInScope, outOfScope, type ScopeOpts } from '../org/org.access.ts';
import type { OrgRow } from '../org/org.table.ts';
import { getRecordInScope, type ScopedRecordRow } from './record.query.ts';
import { attachmentsInScope, orgsInScope, peopleInScope } from './record.repository.ts';

// The checks every record write makes: the record and its org lie in the actor's scope, the record
// type exists and applies to the org's kind, and the fields are valid — including that the people,
// orgs and attachments they name are ones the actor may refer to.

export async function recordInScope(ctx: AppContext, actor: Actor, id: string, opts: ScopeOpts = {}): Promise<ScopedRecordRow> {
  return (await getRecordInScope(ctx.db, id, actor.orgPath)) ?? outOfScope(ctx, actor, { type: 'record', id, what: '台账记录' }, opts);
}

/** The pack, or 422 when no pack of that id is loaded. */
export function packOf(ctx: AppContext, packId: string): Pack {
  const pack = ctx.packs.get(packId);
  if (!pack) throw unprocessable('PACK_UNKNOWN', `制度包“${packId}”未加载`, 'packId');
  return pack;
}

/** The record type, or 422 naming the pack or type the request asked for. */
export function recordTypeOf(ctx: AppContext, packId: string, typeId: string): RecordTypeDef {
  packOf(ctx, packId);
  const type = ctx.packs.recordType(packId, typeId);
  if (!type) throw unprocessable('RECORD_TYPE_UNKNOWN', `制度包中没有台账类型“${typeId}”`, 'typeId');
  return type;
}

export function assertTypeApplies(type: RecordTypeDef, org: Pick<OrgRow, 'name' | 'kind'>): void {
  if (appliesToKind(type, org.kind)) return;
  const kind = ORG_KIND_LABELS[org.kind as OrgKind] ?? org.kind;
  throw unprocessable('TYPE_NOT_APPLICABLE', `“${org.name}”（${kind}）不记录“${type.name}”`, 'orgId');
}

/** The org a record is written for: in scope (a miss is recorded), active, keeping this type. */
export async function writableOrg(ctx: AppContext, actor: Actor, orgId: string, type: RecordTypeDef): Promise<OrgRow> {
  const org = await orgInScope(ctx, actor, orgId, { write: true, field: 'orgId' });
  if (org.deactivated_at) throw unprocessable('ORG_INACTIVE', `组织“${org.name}”已停用，不能记录台账`, 'orgId');
  assertTypeApplies(type, org);
  return org;
}

export function fieldsInvalid(issues: readonly FieldIssue[]) {
  const first = issues[0]!;
  return unprocessable('FIELDS_INVALID', first.message, first.field, issues);
}

const MISSING = { people: '人员', orgs: '组织', attachments: '附件' } as const;

/** Issues for referenced ids the actor may not use (unknown, or outside the scope). */
async function refIssues(ctx: AppContext, actor: Actor, refs: FieldRefs): Promise<FieldIssue[]> {
  const lookups = { people: peopleInScope, orgs: orgsInScope, attachments: attachmentsInScope } as const;
  const issues: FieldIssue[] = [];
  for (const kind of ['people', 'orgs', 'attachments'] as const) {
    const list: FieldRef[] = refs[kind];
    if (list.length === 0) continue;
    const found = await lookups[kind](ctx.db, actor, list.flatMap((r) => r.ids));
    for (const ref of list) {
      if (ref.ids.some((id) => !found.has(id))) {
        issues.push({ field: `fields.${ref.fieldId}`, message: `${ref.label}中有${MISSING[kind]}不存在或不在管辖范围内` });
      }
    }
  }
  return issues;
}

/** Validates `input` against the type and the actor's scope; throws 422 FIELDS_INVALID listing every issue. */
export async function checkedFields(ctx: AppContext, actor: Actor, type: RecordTypeDef, input: unknown): Promise<CheckedFields> {
  const checked = checkFields(type, input);
  const issues = [...checked.issues, ...(await refIssues(ctx, actor, checked.refs))];
  if (issues.length > 0) throw fieldsInvalid(issues);
  return checked;
}
