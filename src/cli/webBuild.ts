import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { CliIo } from './io.ts';
import { loadBuildScripts, projectRoot } from './project.ts';

/** The checkout's built web app folder (dist/web), whether or not it has been built. */
export const defaultWebDir = (): string => path.join(projectRoot(), 'dist', 'web');

/**
 * Builds the web app when dist/web is missing or older than its sources. The server still starts
 * when the build is impossible or fails: with the previous build if there is one, else API only.
 * Returns the folder to serve, or null for API only.
 */
export async function ensureWebBuilt(io: CliIo): Promise<string | null> {
  const scripts = await loadBuildScripts();
  const webDir = path.dirname(scripts.WEB_OUTFILE);
  if (!scripts.isStale(scripts.WEB_OUTFILE, scripts.WEB_SOURCES)) return webDir;
  const started = Date.now();
  io.err('lvzhi: building the web app (dist/web is missing or older than src/web)…\n');
  try {
    await scripts.buildWeb();
    io.err(`lvzhi: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return webDir;
  } catch (error) {
    // Vite's message starts with "Build failed with N errors:"; the next line says which.
    const lines = stripVTControlCharacters(error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim()).filter(Boolean);
    const reason = lines.slice(0, 2).join(' ').slice(0, 300);
    const previous = fs.existsSync(scripts.WEB_OUTFILE);
    io.err(`lvzhi: warning: web app not built (${reason}); ${previous ? 'serving the previous build in dist/web' : 'serving the API only'}\n`);
    return previous ? webDir : null;
  }
}
