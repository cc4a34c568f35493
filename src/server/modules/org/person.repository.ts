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
