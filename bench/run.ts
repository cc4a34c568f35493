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
import { benchReport } from './report.ts';

// `npm run bench`: builds (or reuses) the synthetic dataset and prints one line per figure,
// `name value unit`. DATABASE_URL (a server the bench may create a database on) adds the same
// figures for PostgreSQL; `--postgres` without it starts a throwaway cluster (as root or postgres).
// Sizes: BENCH_ORGS (500), BENCH_RECORDS (1000000). Lines starting with # are progress notes.
// `--only compliance,records,report` runs some of the groups of figures.

const log = (line: string) => console.error(line);

const GROUPS = ['compliance', 'records', 'report'] as const;
function selectedGroups(argv: readonly string[]): Set<string> {
  const at = argv.indexOf('--only');
  if (at < 0) return new Set(GROUPS);
  const groups = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = groups.filter((g) => !(GROUPS as readonly string[]).includes(g));
  if (groups.length === 0 || unknown.length > 0) throw new Error(`--only takes ${GROUPS.join(', ')} (comma-separated)`);
  return new Set(groups);
}
const only = selectedGroups(process.argv);

const contextOf = (handle: DbHandle, pack: Pack) => createAppContext(handle, { ...loadConfig({}), webDir: null }, Buffer.alloc(32, 1), createPackRegistry([pack]));
const rootOf = (handle: DbHandle) => handle.db.selectFrom('org').select(['id']).where('parent_id', 'is', null).executeTakeFirstOrThrow();

/** An org-year of 20,000 records: a committee with a district and 23 units, one year of records. */
const orgYearSpec = (spec: DatasetSpec): DatasetSpec => ({ pack: spec.pack, orgs: 25, records: 20_000, from: `${spec.to.slice(0, 4)}-01-01`, to: spec.to });

async function benchDialect(name: 'sqlite' | 'postgres', handle: DbHandle, spec: DatasetSpec, orgYear: DbHandle): Promise<void> {
  const ctx = contextOf(handle, spec.pack);
  const year = Number(spec.to.slice(0, 4));
  const root = await rootOf(handle);
  if (only.has('compliance')) await benchCompliance(name, handle, spec, ctx, root.id, year);
  // The ledger's figures: the list at p95 and the 10,000-row Excel import (bench/ledger.ts).
  if (only.has('records')) {
    await benchRecordList(name, handle, spec.pack, year);
    await benchImport(name, handle, spec.pack, year);
  }
  // Reports (bench/report.ts): an org-year of 20,000 records and its DOCX, then the city's year.
  if (only.has('report')) {
    await benchReport(contextOf(orgYear, spec.pack), orgYear, { db: name, name: 'org_year_20k', orgId: (await rootOf(orgYear)).id, year, runs: 7, docx: true }, log);
    // The city's report evaluates every rule for every unit (for 存在问题), as the rollup does: the
    // rollup is its yardstick.
    const rollup = { name: 'compliance', run: () => complianceOfYear(ctx, systemActor('bench'), { orgId: root.id, packId: spec.pack.id, year }) };
    await benchReport(ctx, handle, { db: name, name: 'city_1m', orgId: root.id, year, runs: 5, yardstick: rollup }, log);
  }
}

async function benchCompliance(name: string, handle: DbHandle, spec: DatasetSpec, ctx: ReturnType<typeof contextOf>, rootId: string, year: number): Promise<void> {
  const size = spec.records >= 1e6 ? `${Math.round(spec.records / 1e6)}m_records` : `${Math.round(spec.records / 1e3)}k_records`;

  // The yardstick: the plain GROUP BY over the same records, with nothing evaluated.
  const rawGroupBy = () =>
    sql`SELECT org_id, type_id, substr(occurred_on, 1, 7) AS month, count(*) AS n FROM record
        WHERE pack_id = ${spec.pack.id} AND occurred_on >= ${`${year}-01-01`} AND occurred_on <= ${`${year}-12-31`} AND deleted_at IS NULL
        GROUP BY org_id, type_id, substr(occurred_on, 1, 7)`.execute(handle.db);
  const compliance = () => complianceOfYear(ctx, systemActor('bench'), { orgId: rootId, packId: spec.pack.id, year });
  const [raw, full] = await medianPairMs(7, rawGroupBy, compliance);
  figure(`compliance.${name}.${size}_ms`, full, 'ms');
  figure(`compliance.${name}.raw_group_by_ms`, raw, 'ms');
  figure(`compliance.${name}.ratio_to_raw`, full / raw, 'x');
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
  const sqliteOrgYear = openDatabase({ databaseUrl: null, dataDir: await sqliteDataset(orgYearSpec(spec), log) });
  try {
    await benchDialect('sqlite', sqlite, spec, sqliteOrgYear);
  } finally {
    await sqlite.close();
    await sqliteOrgYear.close();
  }

  const wantPostgres = process.env.DATABASE_URL || process.argv.includes('--postgres');
  if (!wantPostgres) return;
  const cluster = process.env.DATABASE_URL ? null : await startCluster();
  if (cluster && 'reason' in cluster) throw new Error(`no PostgreSQL for the benchmark: ${cluster.reason}`);
  try {
    const url = await postgresDataset(process.env.DATABASE_URL || cluster!.url, spec, log);
    const postgres = openDatabase({ databaseUrl: url, dataDir: dir });
    const postgresOrgYear = openDatabase({ databaseUrl: await postgresDataset(process.env.DATABASE_URL || cluster!.url, orgYearSpec(spec), log), dataDir: dir });
    try {
      await benchDialect('postgres', postgres, spec, postgresOrgYear);
    } finally {
      await postgres.close();
      await postgresOrgYear.close();
    }
  } finally {
    cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
