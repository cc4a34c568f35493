import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStale } from '../../scripts/build.mjs';

describe('isStale', () => {
  let dir: string;
  const touch = (file: string, secondsAgo: number) => {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, '');
    const at = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(full, at, at);
    return full;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-cli-stale-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is stale when the output is missing', () => {
    touch('src/a.ts', 100);
    expect(isStale(path.join(dir, 'out.mjs'), [path.join(dir, 'src')])).toBe(true);
  });

  it('is fresh when every source is older than the output, and ignores missing sources', () => {
    touch('src/a.ts', 100);
    touch('src/deep/b.ts', 50);
    const out = touch('out.mjs', 10);
    expect(isStale(out, [path.join(dir, 'src'), path.join(dir, 'missing')])).toBe(false);
  });

  it('is stale when a source file, in any folder depth or given as a file, is newer', () => {
    const out = touch('out.mjs', 10);
    touch('src/deep/b.ts', 1);
    expect(isStale(out, [path.join(dir, 'src')])).toBe(true);
    expect(isStale(out, [touch('vite.config.ts', 1)])).toBe(true);
  });

  it('ignores tests', () => {
    const out = touch('out.mjs', 10);
    touch('src/a.test.ts', 1);
    touch('src/b.test.tsx', 1);
    expect(isStale(out, [path.join(dir, 'src')])).toBe(false);
  });
});
