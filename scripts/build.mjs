// Builds what `lvzhi` runs: the server + CLI bundle (esbuild) and the web app (Vite).
// Imported by bin/lvzhi.mjs and the CLI (rebuild when stale); run directly (`npm run build`) it
// builds both. Plain JavaScript, so that it runs before anything has been compiled.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle bin/lvzhi.mjs imports, and the sources it is made from. */
export const SERVER_OUTFILE = path.join(ROOT, 'dist/server/lvzhi.mjs');
export const SERVER_SOURCES = ['src/server', 'src/core', 'src/cli'].map((dir) => path.join(ROOT, dir));

/** The built web app, and what it is made from (the web app may import shared code from src/core). */
export const WEB_CONFIG = path.join(ROOT, 'vite.config.ts');
export const WEB_OUTFILE = path.join(ROOT, 'dist/web/index.html');
export const WEB_SOURCES = [path.join(ROOT, 'src/web'), path.join(ROOT, 'src/core'), WEB_CONFIG];

const IGNORED = /(\.test\.tsx?|\.d\.ts)$/;

/** Newest modification time (ms) under `entry`, a file or a folder; 0 when it does not exist. */
function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return IGNORED.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/**
 * True when `outputFile` is missing or older than the newest file under `sources` (folders or
 * files; tests are ignored, they are not part of the build).
 */
export function isStale(outputFile, sources) {
  let built;
  try {
    built = fs.statSync(outputFile).mtimeMs;
  } catch {
    return true;
  }
  return sources.some((source) => newestMtime(source) > built);
}

/**
 * Bundles src/cli/main.ts (which pulls in the server) into dist/server/lvzhi.mjs. Dependencies stay
 * in node_modules. Code loaded with import() goes to chunks/, so that a CLI command does not load
 * the web server it does not run. The entry is written last, through a temp file and a rename: a
 * process starting at the same moment sees the old build or the new one, never half of one.
 */
export async function buildServer() {
  const esbuild = await import('esbuild');
  const outdir = path.dirname(SERVER_OUTFILE);
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { [path.basename(SERVER_OUTFILE, '.mjs')]: 'src/cli/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    write: false,
    logLevel: 'warning',
  });
  const isEntry = (file) => file.path === SERVER_OUTFILE;
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  for (const file of [...result.outputFiles.filter((f) => !isEntry(f)), ...result.outputFiles.filter(isEntry)]) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path + suffix, file.contents);
    fs.renameSync(file.path + suffix, file.path);
  }
  // Chunks of earlier builds: their names carry a content hash, so they are never overwritten.
  const written = new Set(result.outputFiles.map((f) => f.path));
  const chunks = path.join(outdir, 'chunks');
  for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks) : []) {
    const file = path.join(chunks, name);
    if (!written.has(file) && !name.endsWith('.tmp')) fs.rmSync(file, { force: true });
  }
  return SERVER_OUTFILE;
}

/**
 * Builds the web app with Vite (root src/web, output dist/web per vite.config.ts). Throws with a
 * plain reason when the web app or its config is not there yet.
 */
export async function buildWeb() {
  if (!fs.existsSync(WEB_CONFIG)) throw new Error('vite.config.ts not found');
  const { build } = await import('vite');
  // Vite honours an inherited NODE_ENV: under Vitest (NODE_ENV=test) it would emit React and antd's
  // development builds, which a later `npm start` would then serve as fresh. Always build production.
  const inherited = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // The config file sets root and outDir; only the noise level is ours to choose.
    await build({ configFile: WEB_CONFIG, logLevel: 'warn', mode: 'production' });
  } finally {
    if (inherited === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = inherited;
  }
  if (!fs.existsSync(WEB_OUTFILE)) throw new Error(`the web build did not produce ${path.relative(ROOT, WEB_OUTFILE)}`);
  return path.dirname(WEB_OUTFILE);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const started = Date.now();
  try {
    await buildServer();
    console.log(`built ${path.relative(ROOT, SERVER_OUTFILE)} in ${Date.now() - started} ms`);
    const webStarted = Date.now();
    await buildWeb();
    console.log(`built ${path.relative(ROOT, path.dirname(WEB_OUTFILE))} in ${Date.now() - webStarted} ms`);
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
