import { createPackRegistry, type PackRegistry } from '../../core/pack/registry.ts';
import type { Config } from '../config.ts';
import type { Db, DbHandle, Dialect } from '../db/database.ts';
import { deriveFieldKeys, type FieldKeys, hmacSm3, sm3 } from './crypto.ts';

/** What every service needs from the running server: the database and the keys. */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  config: Config;
  fieldKeys: FieldKeys;
  /** SM3, or HMAC-SM3 keyed with LVZHI_AUDIT_KEY: the audit chain's hash. */
  auditHash: (message: string) => string;
  /** The responsibility systems (packs) loaded at start. */
  packs: PackRegistry;
}

/** The user acting, as services see them. Built from the session on each request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  /** Materialized path of the actor's org: everything the actor may see starts with it. */
  orgPath: string;
  roles: string[];
  ip: string | null;
}

/** The system itself acting (CLI, demo loader, scheduled jobs): unrestricted scope. */
export function systemActor(name = 'system', ip: string | null = null): Actor {
  return { userId: '', username: name, displayName: name, orgId: '', orgPath: '/', roles: [], ip };
}

/**
 * The services' context, for the server and the CLI alike. `masterKey` may be a
 * function: the CLI then reads (or creates) the key file only when a command encrypts something.
 */
export function createAppContext(
  handle: DbHandle,
  config: Config,
  masterKey: Buffer | (() => Buffer),
  packs: PackRegistry = createPackRegistry([]),
): AppContext {
  let keys: FieldKeys | null = null;
  return {
    db: handle.db,
    dialect: handle.dialect,
    config,
    get fieldKeys() {
      keys ??= deriveFieldKeys(typeof masterKey === 'function' ? masterKey() : masterKey);
      return keys;
    },
    auditHash: config.auditHmacKey ? (m) => hmacSm3(config.auditHmacKey!, m) : sm3,
    packs,
  };
}

