import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { type FieldKeys, openField, sealField } from '../../platform/crypto.ts';
import { newId } from '../../platform/ids.ts';
import type { PersonRow } from './org.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface PersonInput {
  orgId: string;
  name: string;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Contact details are sealed (SM4 + HMAC-SM3) before they reach the database. */
const seal = (keys: FieldKeys, value: string | null | undefined) => (value ? sealField(keys, value) : null);

export async function insertPerson(db: Executor, keys: FieldKeys, input: PersonInput): Promise<PersonRow> {
  const at = nowIso();
  const row = {
    id: newId(),
    org_id: input.orgId,
    name: input.name,
    position: input.position ?? null,
    phone: seal(keys, input.phone),
    email: seal(keys, input.email),
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('person').values(row).execute();
  return row;
}

/** Decrypted contact details of a stored person. */
export function openContact(keys: FieldKeys, row: Pick<PersonRow, 'phone' | 'email'>): { phone: string | null; email: string | null } {
  return { phone: row.phone ? openField(keys, row.phone) : null, email: row.email ? openField(keys, row.email) : null };
}

export async function insertDutyAssignment(
  db: Executor,
  input: { orgId: string; personId: string; year: number; role: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('duty_assignment')
    .values({ id, org_id: input.orgId, person_id: input.personId, year: input.year, role: input.role, created_at: nowIso() })
    .execute();
  return id;
}

export async function insertLeadingGroupMember(
  db: Executor,
  input: { orgId: string; personId: string; year: number; groupRole: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('leading_group_member')
    .values({ id, org_id: input.orgId, person_id: input.personId, year: input.year, group_role: input.groupRole, created_at: nowIso() })
    .execute();
  return id;
}

export type ScopedPersonRow = PersonRow & { org_path: string; org_name: string };

/** A person with their org's path and name, only when that org lies inside `scopePath`. */
export function getPersonInScope(db: Executor, id: string, scopePath: string): Promise<ScopedPersonRow | undefined> {
  return db
    .selectFrom('person')
    .innerJoin('org', 'org.id', 'person.org_id')
    .selectAll('person')
    .select(['org.path as org_path', 'org.name as org_name'])
    .where('person.id', '=', id)
    .where('org.path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

/** Changes the given fields; `null` contact clears it, `undefined` leaves it. */
export async function updatePerson(db: Executor, keys: FieldKeys, id: string, input: Partial<PersonInput>): Promise<void> {
  await db
    .updateTable('person')
    .set({
      ...(input.orgId !== undefined && { org_id: input.orgId }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.position !== undefined && { position: input.position }),
      ...(input.phone !== undefined && { phone: seal(keys, input.phone) }),
      ...(input.email !== undefined && { email: seal(keys, input.email) }),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

/** Deletes the person; duty roles and group memberships go with them, accounts are unlinked (FKs). */
export async function deletePerson(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('person').where('id', '=', id).execute();
}

/** The person's duty roles in every org and year (data-subject export). */
export function listDutiesOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('duty_assignment')
    .innerJoin('org', 'org.id', 'duty_assignment.org_id')
    .select(['duty_assignment.org_id', 'org.name as org_name', 'duty_assignment.year', 'duty_assignment.role', 'duty_assignment.created_at'])
    .where('duty_assignment.person_id', '=', personId)
    .orderBy('duty_assignment.year', 'desc')
    .orderBy('duty_assignment.created_at')
    .execute();
}

/** The person's leading-group memberships in every org and year (data-subject export). */
export function listGroupsOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('leading_group_member')
    .innerJoin('org', 'org.id', 'leading_group_member.org_id')
    .select(['leading_group_member.org_id', 'org.name as org_name', 'leading_group_member.year', 'leading_group_member.group_role', 'leading_group_member.created_at'])
    .where('leading_group_member.person_id', '=', personId)
    .orderBy('leading_group_member.year', 'desc')
    .orderBy('leading_group_member.created_at')
    .execute();
}

/** Login accounts linked to the person (no secrets: username, dates and status only). */
export function listAccountsOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('app_user')
    .select(['username', 'display_name', 'created_at', 'last_login_at', 'disabled_at'])
    .where('person_id', '=', personId)
    .orderBy('username')
    .execute();
}
