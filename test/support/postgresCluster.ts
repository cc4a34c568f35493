import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A throwaway PostgreSQL cluster from Debian's installed server binaries, run as the `postgres`
// user (the server refuses to run as root), on a free port, in a temp dir. Used by tests and bench.

export interface Cluster {
  url: string;
  stop(): void;
}

function findPgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b));
  const last = versions.at(-1);
  return last ? path.join(base, last, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts a cluster, or returns the reason it cannot. */
export async function startCluster(): Promise<Cluster | { reason: string }> {
  const bin = findPgBin();
  if (!bin) return { reason: 'no PostgreSQL server binaries under /usr/lib/postgresql' };
  const asRoot = process.getuid?.() === 0;
  const whoami = os.userInfo().username;
  if (!asRoot && whoami !== 'postgres') return { reason: 'starting PostgreSQL needs root (to run it as postgres) or the postgres user' };
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args;
    const r = spawnSync(asRoot ? 'runuser' : cmd, full, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr || r.stdout}`);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-pg-'));
  const port = await freePort();
  try {
    if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
    fs.chmodSync(dir, 0o700);
    run(path.join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    run(path.join(bin, 'pg_ctl'), ['-D', dir, '-l', path.join(dir, 'log'), '-w', '-t', '30', '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, 'start']);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    return { reason: error instanceof Error ? error.message : String(error) };
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
