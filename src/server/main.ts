import path from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import type { App } from './app.ts';
import type { Config } from './config.ts';
import { type DbHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { type Actor, type AppContext, createAppContext, systemActor } from './platform/context.ts';
import { loadMasterKey } from './platform/crypto.ts';
import { recordAudit } from './modules/audit/audit.repository.ts';
import { loadPackRegistry, packRoots } from './modules/pack/pack.catalog.ts';
import { isSetupDone } from './modules/setup/setup.repository.ts';

// Start-up of the server process: config → key → database → migrations → app → listen, and the
// pieces of it the CLI shares (the context, the key, migrations with their audit entry).

/** The master key: LVZHI_SECRET_KEY, else `<dataDir>/secret.key` (created on first use). */
export function masterKeyFor(config: Config, env: NodeJS.ProcessEnv): Buffer {
  return loadMasterKey({ env, keyFile: path.join(config.dataDir, 'secret.key') });
}

/** Applies pending migrations and, when any ran, records them in the audit log as `actor`. */
export async function migrateAndRecord(ctx: AppContext, actor: Actor): Promise<string[]> {
  const applied = await migrateToLatest(ctx.db);
  if (applied.length > 0) await recordAudit(ctx, actor, { action: 'system.migrate', orgId: null, summary: { migrations: applied } });
  return applied;
}

/**
 * Pino options: JSON lines at LOG_LEVEL. Fastify's request serializer logs no headers or bodies;
 * the redaction is the second line of defence should anyone log a request's headers.
 */
export function loggerOptions(config: Config): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'headers.cookie',
        'headers.authorization',
        'headers["x-csrf-token"]',
      ],
      censor: '[redacted]',
    },
  };
}

export interface RunningServer {
  app: App;
  handle: DbHandle;
  /** http://host:port actually bound (PORT=0 picks a free port). */
  url: string;
  /** False until the first-run page has created the top organization. */
  setupDone: boolean;
  migrations: string[];
  close(): Promise<void>;
}

/** Opens the database, migrates, builds the app and listens on config.host:config.port. */
export async function startServer(opts: { config: Config; env: NodeJS.ProcessEnv; logger?: FastifyServerOptions['logger'] }): Promise<RunningServer> {
  const { config } = opts;
  // Packs first: a pack with problems stops the start before anything touches the database.
  const packs = loadPackRegistry(packRoots(opts.env));
  const masterKey = masterKeyFor(config, opts.env);
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const migrations = await migrateAndRecord(createAppContext(handle, config, masterKey), systemActor('system'));
    // Loaded here rather than at the top: the CLI shares this file, and its other commands should
    // not pay for loading the web server.
    const { buildApp } = await import('./app.ts');
    const { app } = await buildApp({ handle, config, masterKey, packs, logger: opts.logger ?? loggerOptions(config) });
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      app,
      handle,
      url: `http://${host}:${port}`,
      setupDone: await isSetupDone(handle.db),
      migrations,
      async close() {
        await app.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}

/**
 * Ends the process cleanly on SIGINT/SIGTERM: stop accepting connections, finish requests in
 * flight, close the database. A second signal, or a shutdown stuck for 10 s, exits at once.
 */
export function installShutdown(server: RunningServer, say: (text: string) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    say(`lvzhi: ${signal} received, shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        say(`lvzhi: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
