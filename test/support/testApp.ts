import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { PackRegistry } from '../../src/core/pack/registry.ts';
import { buildApp, type App, type RouteInfo } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { loadPackRegistry, packRoots } from '../../src/server/modules/pack/pack.catalog.ts';
import type { Dialect, DbHandle } from '../../src/server/db/database.ts';
import type { AppContext } from '../../src/server/platform/context.ts';
import { freshDatabase } from './dialects.ts';

export const ADMIN_PASSWORD = 'Admin#2026pw';
export const DEMO_PASSWORD = 'Demo#2026pw';

export interface TestApp {
  app: App;
  ctx: AppContext;
  handle: DbHandle;
  /** Every route the modules registered. */
  routes: RouteInfo[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The packs the server runs with (default: the shipped packs, i.e. `ideology`). */
  packs?: PackRegistry;
  /** Settings that differ from the defaults (e.g. a small upload limit). */
  config?: Partial<Config>;
}

let shipped: PackRegistry | null = null;

/** The packs under the checkout's packs/ folder, loaded once per test process. */
export const shippedPacks = (): PackRegistry => (shipped ??= loadPackRegistry(packRoots({})));

/**
 * A full app on a fresh database, API only (no web bundle), no logging. Its data directory (where
 * attachments go; the database itself is elsewhere) is a temp folder removed on close.
 */
export async function createTestApp(dialect: Dialect, opts: TestAppOptions = {}): Promise<TestApp> {
  const handle = await freshDatabase(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-app-'));
  const config = { ...loadConfig({}), webDir: null, dataDir, ...opts.config };
  const { app, ctx, routes } = await buildApp({ handle, config, masterKey: Buffer.alloc(32, 7), logger: false, packs: opts.packs ?? shippedPacks() });
  await app.ready();
  return {
    app,
    ctx,
    handle,
    routes,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** First-run set-up through the API, with or without the demo bureau. */
export async function setupInstance(app: App, opts: { demo?: boolean } = {}): Promise<{ orgId: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/setup',
    payload: {
      org: { name: '示例市文化广电旅游局党组', kind: 'party_group' },
      sysadmin: { username: 'sysadmin', displayName: '系统管理员', password: ADMIN_PASSWORD },
      secadmin: { username: 'secadmin', displayName: '安全管理员', password: ADMIN_PASSWORD },
      auditor: { username: 'auditor', displayName: '审计管理员', password: ADMIN_PASSWORD },
      demo: opts.demo ? { password: DEMO_PASSWORD } : null,
    },
  });
  if (res.statusCode !== 200) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A logged-in browser-like client: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly app: App) {}

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode === 200) this.csrfToken = res.json().csrfToken;
    return res;
  }

  request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && opts.method && opts.method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    return this.app.inject({ ...opts, headers }).then((res) => {
      const set = res.cookies.find((c) => c.name.endsWith('lvzhi_sid'));
      if (set) this.cookie = set.value ? `${set.name}=${set.value}` : null;
      return res;
    });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

/** Logs in and, for accounts with an initial password, changes it so business routes open. */
export async function loggedIn(app: App, username: string, password: string, newPassword?: string): Promise<Client> {
  const client = new Client(app);
  const res = await client.login(username, password);
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  if (newPassword) {
    const changed = await client.post('/api/auth/password', { currentPassword: password, newPassword });
    if (changed.statusCode !== 200) throw new Error(`password change failed: ${changed.body}`);
  }
  return client;
}
