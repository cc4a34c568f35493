import type { Transaction } from 'kysely';
import { isWithin, pathIds } from '../../../core/org/path.ts';
import type { Database } from '../../db/database.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { conflict, unprocessable } from '../../platform/errors.ts';
import { isInScope } from '../../platform/scope.ts';
import { auditedWrite } from '../audit/audit.repository.ts';
import { orgInScope } from './org.access.ts';
import { presentOrg } from './org.presenter.ts';
import {
  countOrgChildren, deactivateSubtree, findOrgByCode, findSiblingByName, getOrg, getOrgsByIds, insertOrg, listOrgsInSubtree,
  moveSubtree, nextSortOrder, reactivateOrg, updateOrgFields,
} from './org.repository.ts';
import type { OrgDto } from './org.schema.ts';
import type { OrgRow } from './org.table.ts';

/** The actor's subtree as a flat list; the client builds the tree from parentId. */
export async function listOrgs(ctx: AppContext, actor: Actor, includeInactive: boolean): Promise<{ items: OrgDto[]; total: number }> {
  const rows = await listOrgsInSubtree(ctx.db, actor.orgPath, { includeInactive });
  return { items: rows.map(presentOrg), total: rows.length };
}

/** One org with its breadcrumb (only the part inside the actor's scope) and counts. */
export async function getOrgDetail(ctx: AppContext, actor: Actor, id: string) {
  const org = await orgInScope(ctx, actor, id);
  const ancestorIds = pathIds(org.path).slice(0, -1);
  const found = new Map((await getOrgsByIds(ctx.db, ancestorIds)).map((o) => [o.id, o]));
  const ancestors = ancestorIds.flatMap((ancestorId) => {
    const o = found.get(ancestorId);
    return o && isInScope(o.path, actor) ? [{ id: o.id, name: o.name }] : [];
  });
  const counts = await countOrgChildren(ctx.db, org.id);
  return { ...presentOrg(org), ancestors, childCount: counts.children, peopleCount: counts.people };
}

/** Codes are unique system-wide; names are unique among the children of one parent. */
async function assertUnique(trx: Transaction<Database>, input: { parentId: string | null; name?: string; code?: string | null; exceptId?: string }) {
  if (input.code && (await findOrgByCode(trx, input.code).then((o) => o && o.id !== input.exceptId))) {
    throw conflict('ORG_CODE_TAKEN', `组织编码“${input.code}”已被使用`, 'code');
  }
  if (input.name !== undefined && input.parentId && (await findSiblingByName(trx, input.parentId, input.name, input.exceptId))) {
    throw conflict('ORG_NAME_TAKEN', `同一上级组织下已有名为“${input.name}”的组织`, 'name');
  }
}

const emptyToNull = (code: string | null | undefined) => (code === '' ? null : code);

export async function createOrg(
  ctx: AppContext,
  actor: Actor,
  input: { parentId: string; name: string; kind: string; code?: string | null; sortOrder?: number },
): Promise<OrgDto> {
  const parent = await orgInScope(ctx, actor, input.parentId, { write: true, field: 'parentId' });
  if (parent.deactivated_at) throw unprocessable('PARENT_INACTIVE', `上级组织“${parent.name}”已停用，不能在其下新建组织`, 'parentId');
  const code = emptyToNull(input.code) ?? null;
  const row = await auditedWrite(ctx, actor, async (trx) => {
    await assertUnique(trx, { parentId: parent.id, name: input.name, code });
    const sortOrder = input.sortOrder ?? (await nextSortOrder(trx, parent.id));
    const org = await insertOrg(trx, { name: input.name, kind: input.kind, parent, code, sortOrder });
    return {
      result: org,
      audit: { action: 'org.create', targetType: 'org', targetId: org.id, orgId: org.id, summary: { name: org.name, kind: org.kind, code, parent: parent.name } },
    };
  });
  return presentOrg(row);
}

export async function updateOrg(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { name?: string; kind?: string; code?: string | null; sortOrder?: number },
): Promise<OrgDto> {
  const org = await orgInScope(ctx, actor, id, { write: true });
  const next = { ...input, code: emptyToNull(input.code) };
  const changes = Object.fromEntries(
    (['name', 'kind', 'code', 'sortOrder'] as const)
      .filter((key) => next[key] !== undefined && next[key] !== currentValue(org, key))
      .map((key) => [key, { from: currentValue(org, key), to: next[key] }]),
  );
  if (Object.keys(changes).length === 0) return presentOrg(org);
  await auditedWrite(ctx, actor, async (trx) => {
    await assertUnique(trx, { parentId: org.parent_id, name: 'name' in changes ? next.name : undefined, code: 'code' in changes ? next.code : undefined, exceptId: id });
    await updateOrgFields(trx, id, next);
    return { result: null, audit: { action: 'org.update', targetType: 'org', targetId: id, orgId: id, summary: { name: org.name, changes } } };
  });
  return presentOrg((await getOrg(ctx.db, id))!);
}

function currentValue(org: OrgRow, key: 'name' | 'kind' | 'code' | 'sortOrder'): string | number | null {
  return key === 'sortOrder' ? Number(org.sort_order) : org[key];
}

/** The root and the actor's own org stay where they are and as they are. */
function assertMovable(org: OrgRow, actor: Actor, verb: string): void {
  if (!org.parent_id) throw unprocessable('ROOT_ORG', `顶级组织不能${verb}`);
  if (org.id === actor.orgId) throw unprocessable('OWN_ORG', `不能${verb}本人所在的组织`);
}

/** Moves an org with its whole subtree under another org of the actor's scope. */
export async function moveOrg(ctx: AppContext, actor: Actor, id: string, parentId: string): Promise<OrgDto> {
  const org = await orgInScope(ctx, actor, id, { write: true });
  assertMovable(org, actor, '移动');
  const parent = await orgInScope(ctx, actor, parentId, { write: true, field: 'parentId' });
  if (isWithin(parent.path, org.path)) throw unprocessable('MOVE_INTO_SUBTREE', '不能移动到本组织或其下级组织之下', 'parentId');
  if (parent.deactivated_at) throw unprocessable('PARENT_INACTIVE', `上级组织“${parent.name}”已停用`, 'parentId');
  if (parent.id === org.parent_id) return presentOrg(org);
  const from = await getOrg(ctx.db, org.parent_id!);
  await auditedWrite(ctx, actor, async (trx) => {
    if (await findSiblingByName(trx, parent.id, org.name)) {
      throw conflict('ORG_NAME_TAKEN', `“${parent.name}”下已有名为“${org.name}”的组织`, 'parentId');
    }
    const moved = await moveSubtree(trx, org, parent);
    return { result: null, audit: { action: 'org.move', targetType: 'org', targetId: id, orgId: id, summary: { name: org.name, from: from?.name, to: parent.name, orgs: moved } } };
  });
  return presentOrg((await getOrg(ctx.db, id))!);
}

/**
 * Deactivating stops the whole subtree (accounts stay; history is kept). Reactivating brings back
 * the org alone, and only under an active parent, so an active org never hangs below a stopped one.
 */
export async function setOrgActive(ctx: AppContext, actor: Actor, id: string, active: boolean): Promise<OrgDto> {
  const org = await orgInScope(ctx, actor, id, { write: true });
  assertMovable(org, actor, active ? '启用' : '停用');
  if ((org.deactivated_at === null) === active) return presentOrg(org);
  if (active) {
    const parent = await getOrg(ctx.db, org.parent_id!);
    if (parent?.deactivated_at) throw unprocessable('PARENT_INACTIVE', `上级组织“${parent.name}”已停用，请先启用上级组织`);
  }
  await auditedWrite(ctx, actor, async (trx) => {
    if (active) {
      await reactivateOrg(trx, id);
      return { result: null, audit: { action: 'org.reactivate', targetType: 'org', targetId: id, orgId: id, summary: { name: org.name } } };
    }
    const count = await deactivateSubtree(trx, org.path);
    return { result: null, audit: { action: 'org.deactivate', targetType: 'org', targetId: id, orgId: id, summary: { name: org.name, orgs: count } } };
  });
  return presentOrg((await getOrg(ctx.db, id))!);
}
