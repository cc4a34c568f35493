import os from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.ts';
import { type DbHandle, openDatabase } from '../src/server/db/database.ts';
import { createPackRegistry } from '../src/core/pack/registry.ts';
import type { Pack } from '../src/core/pack/schema.ts';
import { createAppContext, systemActor } from '../src/server/platform/context.ts';
import { startCluster } from '../test/support/postgresCluster.ts';
import { type DatasetSpec, postgresDataset, sqliteDataset } from './generate.ts';
import { figure, medianPairMs } from './measure.ts';
import { benchImport, benchRecordList } from './ledger.ts';
import { benchPack } from './pack.ts';
import { complianceOfYear } from './compliance.ts';

// `npm run bench`: builds (or reuses) the synthetic dataset and prints one line per figure,
// `name value unit`. DATABASE_URL (a server the bench may create a database on) adds the same
// figures for PostgreSQL; `--postgres` without it starts a throwaway cluster (as root or postgres).
// Sizes: BENCH_ORGS (500), BENCH_RECORDS (1000000). Lines starting with # are progress notes.

const log = (line: string) => console.error(line);

async function benchDialect(name: 'sqlite' | 'postgres', handle: DbHandle, spec: DatasetSpec): Promise<void> {
  const ctx = createAppContext(handle, { ...loadConfig({}), webDir: null }, Buffer.alloc(32, 1), createPackRegistry([spec.pack]));
  const year = Number(spec.to.slice(0, 4));
  const root = await handle.db.selectFrom('org').select(['id']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const size = spec.records >= 1e6 ? `${Math.round(spec.records / 1e6)}m_records` : `${Math.round(spec.records / 1e3)}k_records`;

  // The yardstick: the plain GROUP BY over the same records, with nothing evaluated.
  const rawGroupBy = () =>
    sql`SELECT org_id, type_id, substr(occurred_on, 1, 7) AS month, count(*) AS n FROM record
        WHERE pack_id = ${spec.pack.id} AND occurred_on >= ${`${year}-01-01`} AND occurred_on <= ${`${year}-12-31`} AND deleted_at IS NULL
        GROUP BY org_id, type_id, substr(occurred_on, 1, 7)`.execute(handle.db);
  const compliance = () => complianceOfYear(ctx, systemActor('bench'), { orgId: root.id, packId: spec.pack.id, year });
  const [raw, full] = await medianPairMs(7, rawGroupBy, compliance);
  figure(`compliance.${name}.${size}_ms`, full, 'ms');
  figure(`compliance.${name}.raw_group_by_ms`, raw, 'ms');
  figure(`compliance.${name}.ratio_to_raw`, full / raw, 'x');

  // The ledger's figures: the list at p95 and the 10,000-row Excel import (bench/ledger.ts).
  await benchRecordList(name, handle, spec.pack, year);
  await benchImport(name, handle, spec.pack, year);
}

async function main(): Promise<void> {
  const pack: Pack = benchPack();
  const lastYear = new Date().getFullYear() - 1;
  const spec: DatasetSpec = {
    pack,
    orgs: Number(process.env.BENCH_ORGS ?? 500),
    records: Number(process.env.BENCH_RECORDS ?? 1_000_000),
    from: `${lastYear - 2}-01-01`,
    to: `${lastYear}-12-31`,
  };
  log(`# dataset: ${spec.orgs} orgs, ${spec.records} records, pack ${pack.id}, ${spec.from} … ${spec.to}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);

  const dir = await sqliteDataset(spec, log);
  const sqlite = openDatabase({ databaseUrl: null, dataDir: dir });
  try {
    await benchDialect('sqlite', sqlite, spec);
  } finally {
    await sqlite.close();
  }

  const wantPostgres = process.env.DATABASE_URL || process.argv.includes('--postgres');
  if (!wantPostgres) return;
  const cluster = process.env.DATABASE_URL ? null : await startCluster();
  if (cluster && 'reason' in cluster) throw new Error(`no PostgreSQL for the benchmark: ${cluster.reason}`);
  try {
    const url = await postgresDataset(process.env.DATABASE_URL || cluster!.url, spec, log);
    const postgres = openDatabase({ databaseUrl: url, dataDir: dir });
    try {
      await benchDialect('postgres', postgres, spec);
    } finally {
      await postgres.close();
    }
  } finally {
    cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
