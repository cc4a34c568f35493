import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { AuditTable } from '../modules/audit/audit.table.ts';
import type { PasswordHistoryTable, SessionTable, UserRoleTable, UserTable, UserTotpTable } from '../modules/auth/user.table.ts';
import type { DutyAssignmentTable, LeadingGroupMemberTable, OrgTable, PersonTable } from '../modules/org/org.table.ts';
import type { AttachmentTable, RecordAttachmentTable, RecordTable, RuleOverrideTable } from '../modules/ledger/record.table.ts';
import type { SettingTable } from '../modules/settings/setting.table.ts';
import type { JobLeaseTable, NotificationTable } from '../modules/notification/notification.table.ts';
import type { ReportDraftTable, ReportGenerationTable, ReportTemplateTable, ReportVersionTable } from '../modules/report/report.table.ts';

/** Every table, as Kysely sees it. Each module declares its own tables in `<module>.table.ts`. */
export interface Database {
  org: OrgTable;
  person: PersonTable;
  duty_assignment: DutyAssignmentTable;
  leading_group_member: LeadingGroupMemberTable;
  app_user: UserTable;
  user_role: UserRoleTable;
  password_history: PasswordHistoryTable;
  session: SessionTable;
  user_totp: UserTotpTable;
  setting: SettingTable;
  audit_log: AuditTable;
  record: RecordTable;
  attachment: AttachmentTable;
  record_attachment: RecordAttachmentTable;
  rule_override: RuleOverrideTable;
  notification: NotificationTable;
  job_lease: JobLeaseTable;
  report_template: ReportTemplateTable;
  report_draft: ReportDraftTable;
  report_generation: ReportGenerationTable;
  report_version: ReportVersionTable;
}

export type Dialect = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** SQLite file path, or the PostgreSQL URL. */
  location: string;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT (count(*)) as a string by default; our counts fit in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));
// NUMERIC: sums over number fields, same reasoning.
pg.types.setTypeParser(1700, (value: string) => Number(value));

/** SQLite's memory map of the database file (see openDatabase). */
const MMAP_BYTES = 256 * 1024 * 1024;

/**
 * Opens the database named by `databaseUrl` (PostgreSQL) or the SQLite file under `dataDir`.
 * `:memory:` as dataDir opens an in-memory SQLite database (tests).
 */
export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize?: number }): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover, admin) must not crash the
    // process: the pool replaces it on the next query.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection error: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: opts.databaseUrl, close: () => db.destroy() };
  }
  const file = opts.dataDir === ':memory:' ? ':memory:' : path.join(opts.dataDir, 'lvzhi.db');
  if (file !== ':memory:') fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Reads through a memory map of the database file instead of a pread() per page: less CPU for
  // the compliance rollup and a city's report over a million records (docs/performance.md).
  // Safe here: in WAL mode the map only serves reads (writes still go through write(), the WAL is
  // a file of its own), backups use SQLite's backup API, which reads pages through the same pager,
  // and the map costs address space, not memory (its pages are the OS page cache's, shared).
  // 256 MiB, not the whole file (~1.1 GB for a million records): mapped pages a process touches
  // count in its resident size, and with 1 GiB a 10,000-row import peaked at 685 MB against its
  // 500 MB target (428 MB with 256 MiB); pages beyond the map are read as before. The trade-off:
  // an I/O error while reading a mapped page (a failing disk) ends the process with SIGBUS
  // instead of an SQLITE_IOERR.
  sqlite.pragma(`mmap_size = ${MMAP_BYTES}`);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * SQLite transactions that start with a plain BEGIN take the write lock only at their first write;
 * when another process (the CLI beside the server) writes in between, SQLite fails at once with
 * "database is locked" instead of waiting out busy_timeout. BEGIN IMMEDIATE takes the lock up front
 * and waits for it.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/**
 * JSON columns are `jsonb` on PostgreSQL (read back as objects; report_generation.provenance is
 * `json`, read back as objects too) and `text` on SQLite (read back as strings). Always write
 * `toJson(value)`; read with `fromJson(column)`.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(column: unknown): T {
  return (typeof column === 'string' ? JSON.parse(column) : column) as T;
}
