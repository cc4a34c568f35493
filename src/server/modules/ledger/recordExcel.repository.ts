import type { Kysely, Transaction } from 'kysely';
import type { ImportPerson } from '../../../core/ledger/importRecords.ts';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/scope.ts';

/** Everyone in the actor's scope, by name and org path: what people cells of an import resolve against. */
export async function peopleForImport(db: Kysely<Database> | Transaction<Database>, actor: Pick<Actor, 'orgPath'>): Promise<ImportPerson[]> {
  const rows = await db
    .selectFrom('person')
    .innerJoin('org', 'org.id', 'person.org_id')
    .select(['person.id', 'person.name', 'org.path'])
    .where(inScope('org.path', actor))
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgPath: r.path }));
}
