import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// The real command, as a user runs it: bin/lvzhi.mjs (rebuilding the bundle when stale) and npx.
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/lvzhi.mjs');

function exec(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/** Resolves with stderr so far once it matches `pattern`, or rejects when the process exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (pattern.test(text)) resolve(text);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}: ${text}`)));
  });
}

describe('bin/lvzhi.mjs', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-cli-bin-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs: --help prints the commands and exits 0; an unknown command exits 2', async () => {
    const help = await exec(process.execPath, [BIN, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: lvzhi <command> [options]');
    const unknown = await exec(process.execPath, [BIN, 'nonsense']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('lvzhi: unknown command "nonsense"');
  });

  it('is what `npx lvzhi` runs inside the checkout', async () => {
    const { code, stdout } = await exec('npx', ['--no-install', 'lvzhi', '--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('serve listens, answers /api/health, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: { ...process.env, LVZHI_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', LVZHI_WEB_DIR: path.join(dataDir, 'no-web') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const text = await waitForOutput(child, /lvzhi listening on (http:\/\/127\.0\.0\.1:\d+)\n[^\n]*\n/);
      const url = /lvzhi listening on (\S+)/.exec(text)![1]!;
      expect(text).toContain('lvzhi is not set up yet');
      const res = await fetch(`${url}/api/health`);
      expect(await res.json()).toEqual({ status: 'ok' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(fs.existsSync(path.join(dataDir, 'lvzhi.db'))).toBe(true);
      expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
