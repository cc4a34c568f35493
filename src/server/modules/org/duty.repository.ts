import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// Reads and deletes of duty assignments and leading-group memberships (inserts live beside the
// person inserts in person.repository.ts, which the demo loader shares).

export function listDutyAssignments(db: Executor, orgId: string, year: number) {
  return db
    .selectFrom('duty_assignment')
    .innerJoin('person', 'person.id', 'duty_assignment.person_id')
    .select([
      'duty_assignment.id', 'duty_assignment.org_id', 'duty_assignment.person_id', 'duty_assignment.year', 'duty_assignment.role',
      'person.name as person_name', 'person.position',
    ])
    .where('duty_assignment.org_id', '=', orgId)
    .where('duty_assignment.year', '=', year)
    .orderBy('person.name')
    .orderBy('duty_assignment.id')
    .execute();
}

export type DutyAssignmentListRow = Awaited<ReturnType<typeof listDutyAssignments>>[number];

export function listLeadingGroup(db: Executor, orgId: string, year: number) {
  return db
    .selectFrom('leading_group_member')
    .innerJoin('person', 'person.id', 'leading_group_member.person_id')
    .innerJoin('org', 'org.id', 'person.org_id')
    .select([
      'leading_group_member.id', 'leading_group_member.org_id', 'leading_group_member.person_id', 'leading_group_member.year',
      'leading_group_member.group_role', 'person.name as person_name', 'person.position', 'org.name as person_org_name',
    ])
    .where('leading_group_member.org_id', '=', orgId)
    .where('leading_group_member.year', '=', year)
    .orderBy('person.name')
    .orderBy('leading_group_member.id')
    .execute();
}

export type LeadingGroupListRow = Awaited<ReturnType<typeof listLeadingGroup>>[number];

/** An assignment with what its audit entry names, only when its org lies inside `scopePath`. */
export function getDutyAssignmentInScope(db: Executor, id: string, scopePath: string) {
  return db
    .selectFrom('duty_assignment')
    .innerJoin('org', 'org.id', 'duty_assignment.org_id')
    .innerJoin('person', 'person.id', 'duty_assignment.person_id')
    .select(['duty_assignment.id', 'duty_assignment.org_id', 'duty_assignment.year', 'duty_assignment.role', 'org.name as org_name', 'person.name as person_name'])
    .where('duty_assignment.id', '=', id)
    .where('org.path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

export function getLeadingGroupMemberInScope(db: Executor, id: string, scopePath: string) {
  return db
    .selectFrom('leading_group_member')
    .innerJoin('org', 'org.id', 'leading_group_member.org_id')
    .innerJoin('person', 'person.id', 'leading_group_member.person_id')
    .select([
      'leading_group_member.id', 'leading_group_member.org_id', 'leading_group_member.year', 'leading_group_member.group_role',
      'org.name as org_name', 'person.name as person_name',
    ])
    .where('leading_group_member.id', '=', id)
    .where('org.path', 'like', `${scopePath}%`)
    .executeTakeFirst();
}

/** Who already holds `role` in the org and year (for duplicates and single-holder roles). */
export function dutyHolders(db: Executor, orgId: string, year: number, role: string) {
  return db
    .selectFrom('duty_assignment')
    .select(['id', 'person_id'])
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('role', '=', role)
    .execute();
}

/** The org's leading-group memberships in a year. */
export function groupMembers(db: Executor, orgId: string, year: number) {
  return db
    .selectFrom('leading_group_member')
    .select(['id', 'person_id', 'group_role'])
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .execute();
}

export async function deleteDutyAssignment(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('duty_assignment').where('id', '=', id).execute();
}

export async function deleteLeadingGroupMember(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('leading_group_member').where('id', '=', id).execute();
}
