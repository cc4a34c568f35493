import type { Kysely, Transaction } from 'kysely';
import { checkPassword, type SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import type { Database } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import { verifyPassword } from '../../platform/crypto.ts';
import { unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recentPasswordHashes } from './user.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Checks a new password against the policy and, for an existing account, against its recent
 * passwords. Throws 422 naming `field`, with every problem in `details`.
 */
export async function assertAcceptablePassword(
  db: Executor,
  opts: { policy: SecurityPolicy; password: string; username: string; userId?: string; field: string },
): Promise<void> {
  const problems = checkPassword(opts.password, opts.policy, opts.username);
  if (problems.length > 0) {
    throw unprocessable('PASSWORD_POLICY', problems.map((p) => p.message).join('；'), opts.field, problems);
  }
  if (opts.userId) {
    for (const old of await recentPasswordHashes(db, opts.userId, opts.policy.passwordHistory)) {
      if (await verifyPassword(opts.password, old)) {
        throw unprocessable('PASSWORD_REUSED', `不能使用最近${opts.policy.passwordHistory}次用过的密码`, opts.field);
      }
    }
  }
}

/** Stores a new password hash and remembers it in the history. */
export async function storePassword(
  trx: Executor,
  opts: { userId: string; hash: string; mustChange: boolean },
): Promise<void> {
  const at = nowIso();
  await trx
    .updateTable('app_user')
    .set({ password_hash: opts.hash, must_change_password: opts.mustChange ? 1 : 0, password_changed_at: at, updated_at: at })
    .where('id', '=', opts.userId)
    .execute();
  await trx.insertInto('password_history').values({ id: newId(), user_id: opts.userId, password_hash: opts.hash, created_at: at }).execute();
}
