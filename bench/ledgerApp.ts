import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { createPackRegistry } from '../src/core/pack/registry.ts';
import type { Pack } from '../src/core/pack/schema.ts';
import { type App, buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { DbHandle } from '../src/server/db/database.ts';
import { insertAccount } from '../src/server/modules/auth/account.repository.ts';
import { hashPassword } from '../src/server/platform/crypto.ts';

// The app over a benchmark dataset, and a logged-in clerk at the top org calling it the way the
// browser does (session cookie, CSRF token), through Fastify's inject: the whole route — guard,
// validation, service, SQL, serialization — without the network.

export const BENCH_USER = 'bench_clerk';
const PASSWORD = 'Bench#2026pw';

export interface BenchApp {
  app: App;
  get(url: string): Promise<LightMyRequestResponse>;
  upload(url: string, filename: string, content: Buffer): Promise<LightMyRequestResponse>;
  userId: string;
  close(): Promise<void>;
}

/** The bench account (created on first use, kept in the dataset) and its user id. */
async function benchAccount(handle: DbHandle): Promise<string> {
  const found = await handle.db.selectFrom('app_user').select('id').where('username', '=', BENCH_USER).executeTakeFirst();
  if (found) return found.id;
  const root = await handle.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  return insertAccount(handle.db, {
    username: BENCH_USER, displayName: '基准测试', orgId: root.id, passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, roles: ['clerk'],
  });
}

export async function benchApp(handle: DbHandle, pack: Pack): Promise<BenchApp> {
  const userId = await benchAccount(handle);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-bench-'));
  const config = { ...loadConfig({}), webDir: null, dataDir, reminderIntervalSeconds: 0 };
  const { app } = await buildApp({ handle, config, masterKey: Buffer.alloc(32, 1), packs: createPackRegistry([pack]), logger: false });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: BENCH_USER, password: PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.statusCode} ${login.body}`);
  const session = login.cookies.find((c) => c.name.endsWith('lvzhi_sid'))!;
  const headers = { cookie: `${session.name}=${session.value}`, 'x-csrf-token': login.json().csrfToken as string };
  return {
    app,
    userId,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    upload(url, filename, content) {
      const boundary = '----lvzhibench';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
      const payload = Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return app.inject({ method: 'POST', url, payload, headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    },
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
