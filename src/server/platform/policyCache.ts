import type { SecurityPolicy } from '../../core/auth/passwordPolicy.ts';
import type { Db } from '../db/database.ts';
import { getPolicy } from '../modules/settings/setting.repository.ts';

// The policy is read on every request; a few seconds of caching keeps that off the database while
// letting other processes pick up a change soon after it is saved. Keyed by database handle, since
// tests run several databases in one process.
const TTL_MS = 5_000;
const cache = new WeakMap<Db, { value: SecurityPolicy; loadedAt: number }>();

export const policyCache = {
  async get(db: Db): Promise<SecurityPolicy> {
    const hit = cache.get(db);
    if (hit && Date.now() - hit.loadedAt <= TTL_MS) return hit.value;
    const value = await getPolicy(db);
    cache.set(db, { value, loadedAt: Date.now() });
    return value;
  },
  invalidate(db: Db): void {
    cache.delete(db);
  },
};
