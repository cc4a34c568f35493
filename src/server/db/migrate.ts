import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { Db } from './database.ts';
import * as foundation from './migrations/2026_11_29_000001_foundation.ts';
import * as ledger from './migrations/2026_11_29_000002_ledger.ts';
import * as compliance from './migrations/2026_11_29_000003_compliance.ts';
import * as ledgerExtra from './migrations/2026_11_29_000004_ledger_extra.ts';
import * as reports from './migrations/2026_11_29_000005_reports.ts';
import * as security from './migrations/2026_11_29_000006_security.ts';
import * as reportIndexes from './migrations/2026_11_29_000007_report_indexes.ts';

/**
 * Migrations are listed here rather than read from a folder, so they run the same from source
 * (tests), from the bundled server and from the CLI. Append new ones; never edit a landed one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_29_000001_foundation': foundation,
  '2026_11_29_000002_ledger': ledger,
  '2026_11_29_000003_compliance': compliance,
  '2026_11_29_000004_ledger_extra': ledgerExtra,
  '2026_11_29_000005_reports': reports,
  '2026_11_29_000006_security': security,
  '2026_11_29_000007_report_indexes': reportIndexes,
};

/** Every migration's name, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
