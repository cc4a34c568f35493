import type { Actor, AppContext } from '../../platform/context.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { auditedWrite, recordAudit } from '../audit/audit.repository.ts';
import { orgInScope, personInScope } from './org.access.ts';
import type { OrgRow } from './org.table.ts';
import { presentPerson } from './person.presenter.ts';
import { findPersonRow, listPeopleRows } from './person.query.ts';
import { deletePerson, insertPerson, openContact, updatePerson } from './person.repository.ts';
import type { PersonDto, PersonListQueryInput } from './person.schema.ts';

// People: reads show contact details masked; the full values come only from the contact route
// (people.manage, audited as pii.unmask) and the data-subject export.

export async function listPeople(ctx: AppContext, actor: Actor, query: PersonListQueryInput): Promise<{ items: PersonDto[]; total: number }> {
  const org = query.orgId ? await orgInScope(ctx, actor, query.orgId, { field: 'orgId' }) : null;
  const narrowed = org && { id: org.id, path: org.path, exact: query.subtree === 'false' };
  const { rows, total } = await listPeopleRows(ctx.db, actor, query, narrowed);
  return { items: rows.map((row) => presentPerson(ctx.fieldKeys, row)), total };
}

export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonDto> {
  const row = await findPersonRow(ctx.db, actor, id);
  if (!row) throw notFound('人员');
  return presentPerson(ctx.fieldKeys, row);
}

/** The full contact details. Every look is recorded: who saw whose contact, when. */
export async function unmaskContact(ctx: AppContext, actor: Actor, id: string): Promise<{ phone: string | null; email: string | null }> {
  const person = await personInScope(ctx, actor, id, { write: true });
  await recordAudit(ctx, actor, { action: 'pii.unmask', targetType: 'person', targetId: id, orgId: person.org_id, summary: { name: person.name } });
  return openContact(ctx.fieldKeys, person);
}

/** Trimmed blanks mean "none". */
const blankToNull = (value: string | null | undefined) => (value === '' ? null : value);

async function activeOrgInScope(ctx: AppContext, actor: Actor, orgId: string): Promise<OrgRow> {
  const org = await orgInScope(ctx, actor, orgId, { write: true, field: 'orgId' });
  if (org.deactivated_at) throw unprocessable('ORG_INACTIVE', `组织“${org.name}”已停用，不能添加人员`, 'orgId');
  return org;
}

export async function createPerson(
  ctx: AppContext,
  actor: Actor,
  input: { orgId: string; name: string; position?: string | null; phone?: string | null; email?: string | null },
): Promise<PersonDto> {
  const org = await activeOrgInScope(ctx, actor, input.orgId);
  const id = await auditedWrite(ctx, actor, async (trx) => {
    const row = await insertPerson(trx, ctx.fieldKeys, {
      orgId: org.id, name: input.name, position: blankToNull(input.position), phone: blankToNull(input.phone), email: blankToNull(input.email),
    });
    return { result: row.id, audit: { action: 'person.create', targetType: 'person', targetId: row.id, orgId: org.id, summary: { name: row.name, org: org.name } } };
  });
  return getPerson(ctx, actor, id);
}

export async function editPerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { orgId?: string; name?: string; position?: string | null; phone?: string | null; email?: string | null },
): Promise<PersonDto> {
  const person = await personInScope(ctx, actor, id, { write: true });
  const org = input.orgId !== undefined && input.orgId !== person.org_id ? await activeOrgInScope(ctx, actor, input.orgId) : null;
  const current = openContact(ctx.fieldKeys, person);
  const next = { name: input.name, position: blankToNull(input.position), phone: blankToNull(input.phone), email: blankToNull(input.email) };
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  if (next.name !== undefined && next.name !== person.name) changes.name = { from: person.name, to: next.name };
  if (next.position !== undefined && next.position !== person.position) changes.position = { from: person.position, to: next.position };
  if (org) changes.org = { from: person.org_name, to: org.name };
  // Contact values never enter the audit log: only the fact that they changed.
  const contactChanged = (['phone', 'email'] as const).filter((k) => next[k] !== undefined && next[k] !== current[k]);
  if (Object.keys(changes).length === 0 && contactChanged.length === 0) return getPerson(ctx, actor, id);
  await auditedWrite(ctx, actor, async (trx) => {
    await updatePerson(trx, ctx.fieldKeys, id, { ...next, orgId: org?.id });
    const summary = { name: person.name, changes, contactChanged };
    return { result: null, audit: { action: 'person.update', targetType: 'person', targetId: id, orgId: org?.id ?? person.org_id, summary } };
  });
  return getPerson(ctx, actor, id);
}

/** PIPL deletion: the row goes, with its duty roles and memberships; linked accounts stay, unlinked. */
export async function removePerson(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const person = await personInScope(ctx, actor, id, { write: true });
  await auditedWrite(ctx, actor, async (trx) => {
    await deletePerson(trx, id);
    return { result: null, audit: { action: 'person.delete', targetType: 'person', targetId: id, orgId: person.org_id, summary: { name: person.name } } };
  });
}
