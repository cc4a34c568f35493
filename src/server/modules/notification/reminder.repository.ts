import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';

// Who is reminded: the active accounts linked to the people holding a rule's duty role in the org
// for the year; without any, the org's party-affairs staff (clerk); and for overdue notices the
// org's leaders as well.

/** Active accounts of people holding duty roles in `years`. */
export function dutyHolderAccounts(db: Kysely<Database>, years: readonly number[]) {
  return db
    .selectFrom('duty_assignment')
    .innerJoin('app_user', 'app_user.person_id', 'duty_assignment.person_id')
    .select(['duty_assignment.org_id', 'duty_assignment.year', 'duty_assignment.role', 'app_user.id as user_id'])
    .where('duty_assignment.year', 'in', [...years])
    .where('app_user.disabled_at', 'is', null)
    .execute();
}

/** Active accounts holding one of `roles`, with their org. */
export function accountsWithRoles(db: Kysely<Database>, roles: readonly string[]) {
  return db
    .selectFrom('app_user')
    .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
    .select(['app_user.id as user_id', 'app_user.org_id', 'user_role.role'])
    .where('user_role.role', 'in', [...roles])
    .where('app_user.disabled_at', 'is', null)
    .execute();
}
