import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The checkout this code runs from: the nearest folder above this file holding lvzhi's
 * package.json. Works from src/cli (tests, tsx) and from dist/server (the bundle) alike.
 */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && readManifest(manifest).name === 'lvzhi') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the lvzhi checkout (package.json) above the running code');
    dir = parent;
  }
}

function readManifest(file: string): { name?: string; version?: string } {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
}

export function version(): string {
  return readManifest(path.join(projectRoot(), 'package.json')).version ?? '0.0.0';
}

export type BuildScripts = typeof import('../../scripts/build.mjs');

/**
 * Loads scripts/build.mjs at run time. The path is computed so that esbuild leaves the import
 * alone: Vite must stay out of the server bundle and is only loaded when the web app is built.
 */
export async function loadBuildScripts(): Promise<BuildScripts> {
  const url = pathToFileURL(path.join(projectRoot(), 'scripts', 'build.mjs')).href;
  return (await import(url)) as BuildScripts;
}
