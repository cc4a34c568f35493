#!/usr/bin/env node
// The `lvzhi` command. Runs the bundled server + CLI (dist/server/lvzhi.mjs), rebuilding it first
// when it is missing or older than the sources, so a fresh checkout needs no separate build step.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, isStale, ROOT, SERVER_OUTFILE, SERVER_SOURCES } from '../scripts/build.mjs';

// Stack traces point at src/…/*.ts rather than into the bundle.
process.setSourceMapsEnabled(true);

if (isStale(SERVER_OUTFILE, SERVER_SOURCES)) {
  const started = Date.now();
  try {
    await buildServer();
    process.stderr.write(`lvzhi: built ${path.relative(ROOT, SERVER_OUTFILE)} in ${Date.now() - started} ms\n`);
  } catch (error) {
    process.stderr.write(`lvzhi: could not build the server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

const { main } = await import(pathToFileURL(SERVER_OUTFILE).href);
// Only the exit code is set: `serve` returns while its server keeps the process alive.
process.exitCode = await main(process.argv.slice(2));
