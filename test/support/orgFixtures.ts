import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/server/platform/crypto.ts';
import { insertAccount } from '../../src/server/modules/auth/account.repository.ts';
import { type Dialect, fromJson } from '../../src/server/db/database.ts';
import { ADMIN_PASSWORD, type Client, createTestApp, DEMO_PASSWORD, loggedIn, setupInstance, type TestApp } from './testApp.ts';

// Fixtures for the org module's tests: the demo bureau, lookups by code and name, extra accounts
// placed in a chosen org, and row counts to prove that a refused request wrote nothing.

export const ACCOUNT_PASSWORD = 'Acct#2026pw';

export interface DemoBureau {
  t: TestApp;
  rootId: string;
  /** sysadmin at the top: org.manage and people.manage over everything. */
  admin: Client;
}

export async function demoBureau(dialect: Dialect): Promise<DemoBureau> {
  const t = await createTestApp(dialect);
  const { orgId } = await setupInstance(t.app, { demo: true });
  const admin = await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD);
  return { t, rootId: orgId, admin };
}

export async function orgIdByCode(t: TestApp, code: string): Promise<string> {
  const row = await t.ctx.db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function orgByName(t: TestApp, name: string) {
  return t.ctx.db.selectFrom('org').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

export async function personIdByName(t: TestApp, name: string): Promise<string> {
  const row = await t.ctx.db.selectFrom('person').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

/** An account with `roles` in the org `orgId`, logged in (no forced password change). */
export async function accountIn(t: TestApp, opts: { orgId: string; roles: string[]; username?: string }): Promise<Client> {
  const username = opts.username ?? `u${randomBytes(4).toString('hex')}`;
  await insertAccount(t.ctx.db, {
    username, displayName: username, orgId: opts.orgId, passwordHash: await hashPassword(ACCOUNT_PASSWORD),
    mustChangePassword: false, roles: opts.roles,
  });
  return loggedIn(t.app, username, ACCOUNT_PASSWORD);
}

export const demoUser = (t: TestApp, username: string): Promise<Client> => loggedIn(t.app, username, DEMO_PASSWORD);

const TABLES = ['org', 'person', 'duty_assignment', 'leading_group_member', 'app_user'] as const;

/** Row counts of the org module's tables (and accounts): equal before and after = nothing written. */
export async function rowCounts(t: TestApp): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = await Promise.all(
    TABLES.map(async (table) => {
      const { n } = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return [table, Number(n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<(typeof TABLES)[number], number>;
}

/** A snapshot of every org-module row, to compare before and after a refused write. */
export async function orgModuleSnapshot(t: TestApp): Promise<string> {
  const db = t.ctx.db;
  const parts = await Promise.all([
    db.selectFrom('org').selectAll().orderBy('id').execute(),
    db.selectFrom('person').selectAll().orderBy('id').execute(),
    db.selectFrom('duty_assignment').selectAll().orderBy('id').execute(),
    db.selectFrom('leading_group_member').selectAll().orderBy('id').execute(),
  ]);
  return JSON.stringify(parts);
}

/** Audit entries of one action, summaries parsed (SQLite stores them as text). */
export async function auditEntries(t: TestApp, action: string) {
  const rows = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
  return rows.map((row) => ({ ...row, summary: fromJson<Record<string, unknown>>(row.summary) }));
}

/** A multipart/form-data body with one file field, as a browser would send it. */
export function multipartFile(opts: { field?: string; filename: string; content: Buffer; contentType?: string }) {
  const boundary = `----lvzhi${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename}"\r\n` +
      `Content-Type: ${opts.contentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, opts.content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
