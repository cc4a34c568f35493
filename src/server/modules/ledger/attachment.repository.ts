import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { inScope } from '../../platform/scope.ts';
import type { AttachmentRow } from './record.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export async function insertAttachment(
  trx: Transaction<Database>,
  actor: Actor,
  input: { sm3: string; size: number; mime: string; name: string; orgId: string },
): Promise<AttachmentRow> {
  const row: AttachmentRow = {
    id: newId(), sm3: input.sm3, size: input.size, mime: input.mime, original_name: input.name, org_id: input.orgId,
    created_by: actor.userId || null, created_at: nowIso(),
  };
  await trx.insertInto('attachment').values(row).execute();
  return row;
}

/**
 * An attachment the actor may download: uploaded for an org in scope, or evidence of a record in
 * scope (a record may have moved to another org, or cite a file its superior uploaded).
 */
export function getAttachmentInScope(db: Executor, id: string, actor: Pick<Actor, 'orgPath'>): Promise<(AttachmentRow & { org_name: string }) | undefined> {
  return db
    .selectFrom('attachment')
    .innerJoin('org', 'org.id', 'attachment.org_id')
    .selectAll('attachment')
    .select('org.name as org_name')
    .where('attachment.id', '=', id)
    .where((eb) =>
      eb.or([
        inScope('org.path', actor),
        eb.exists(
          eb.selectFrom('record_attachment')
            .innerJoin('record', 'record.id', 'record_attachment.record_id')
            .innerJoin('org as record_org', 'record_org.id', 'record.org_id')
            .select('record_attachment.record_id')
            .whereRef('record_attachment.attachment_id', '=', 'attachment.id')
            .where(inScope('record_org.path', actor)),
        ),
      ]),
    )
    .executeTakeFirst();
}
