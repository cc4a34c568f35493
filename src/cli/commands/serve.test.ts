import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { MIGRATION_NAMES } from '../../server/db/migrate.ts';
import { loggerOptions, startServer } from '../../server/main.ts';

/** Collects what the logger writes, one JSON line per entry. */
function logSink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('server start-up (lvzhi serve)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('redacts cookies, the CSRF token and authorization when a handler logs the request headers', async () => {
    const sink = logSink();
    const app = Fastify({ logger: { ...loggerOptions(loadConfig({})), stream: sink.stream } });
    // The mistake the redaction guards against: Fastify's own request log carries no headers.
    app.get('/', async (request) => {
      request.log.info({ headers: request.headers }, 'headers');
      return 'ok';
    });
    await app.inject({ url: '/', headers: { cookie: 'lvzhi_sid=SECRET1', 'x-csrf-token': 'SECRET2', authorization: 'Bearer SECRET3', accept: 'text/html' } });
    await app.close();
    const entry = JSON.parse(sink.lines.find((l) => l.includes('"msg":"headers"'))!) as { headers: Record<string, string> };
    expect(entry.headers).toMatchObject({ cookie: '[redacted]', 'x-csrf-token': '[redacted]', authorization: '[redacted]', accept: 'text/html' });
    expect(sink.lines.join('\n')).not.toContain('SECRET');
  });

  it('starts on a new data dir (key, database, migrations), serves /api/health, and logs no secrets', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-cli-serve-'));
    dirs.push(dataDir);
    const config = { ...loadConfig({ LVZHI_DATA_DIR: dataDir, PORT: '0' }), webDir: null };
    const sink = logSink();
    const server = await startServer({ config, env: {}, logger: { ...loggerOptions(config), stream: sink.stream } });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.setupDone).toBe(false);
      expect(server.migrations).toEqual(MIGRATION_NAMES);
      expect(fs.readFileSync(path.join(dataDir, 'secret.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
      const res = await fetch(`${server.url}/api/health`, { headers: { cookie: 'lvzhi_sid=Canary#Sid123', authorization: 'Basic Q2FuYXJ5' } });
      expect(await res.json()).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
    const log = sink.lines.join('\n');
    expect(log).toContain('"url":"/api/health"');
    expect(log).not.toMatch(/Canary|Q2FuYXJ5/);
  });
});
