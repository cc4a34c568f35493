import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../src/core/pack/schema.ts';
import { loadPackDir } from '../src/server/modules/pack/pack.loader.ts';

/** The pack whose record types and rules the synthetic records use: the shipped `ideology` pack. */
export function benchPack(): Pack {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'packs', 'ideology');
  const loaded = loadPackDir(dir);
  if (!loaded.pack) throw new Error(`packs/ideology does not load: ${loaded.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('; ')}`);
  return loaded.pack;
}
