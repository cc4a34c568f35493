import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../main.ts';
import { PackLoadError, packRoots } from './pack.catalog.ts';

// A pack with problems stops the server before it opens the database, with every problem printed.

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('packs at start', () => {
  it('reads the checkout packs/ folder, then LVZHI_PACK_DIRS in order', () => {
    expect(packRoots({})).toEqual([path.join(ROOT, 'packs')]);
    expect(packRoots({ LVZHI_PACK_DIRS: '/srv/packs::relative/packs' })).toEqual([path.join(ROOT, 'packs'), '/srv/packs', path.resolve('relative/packs')]);
  });

  it('refuses to start with a broken pack, naming file, line, path and reason, and touches no database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-start-'));
    temps.push(dataDir);
    const broken = path.join(ROOT, 'test/fixtures/packs/broken');
    const start = startServer({ config: { ...loadConfig({ LVZHI_DATA_DIR: dataDir, PORT: '0' }), webDir: null }, env: { LVZHI_PACK_DIRS: broken }, logger: false });
    await expect(start).rejects.toThrow(PackLoadError);
    await expect(start).rejects.toThrow(`${path.join(broken, 'rules.yaml')}:10:15 rules[1].recordType: 记录类型“study_session”不存在`);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
