import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../cli/project.ts';
import { createPackRegistry, type PackRegistry } from '../../../core/pack/registry.ts';
import type { Pack, PackProblem } from '../../../core/pack/schema.ts';
import { PACK_FILES } from '../../../core/pack/files.ts';
import { loadPackDir } from './pack.loader.ts';

// The packs a server or CLI runs with: every pack folder under the checkout's packs/ and under the
// folders listed in LVZHI_PACK_DIRS. Any problem in any of them stops the start: a half-loaded
// responsibility system would show wrong statuses without saying so.

/** A problem in one of several pack folders. */
export interface FolderProblem extends PackProblem {
  /** The pack folder the file is in. */
  dir: string;
}

/** `file:line:column path: message`, the way compilers name a place. */
export function describeProblem(problem: PackProblem): string {
  const place = [problem.file || '.', problem.line, problem.line === undefined ? undefined : problem.column].filter((x) => x !== undefined).join(':');
  return `${place}${problem.path ? ` ${problem.path}` : ''}: ${problem.message}`;
}

/** Thrown at start when a pack has problems; the message lists them all. */
export class PackLoadError extends Error {
  constructor(readonly problems: readonly FolderProblem[]) {
    super(`制度包有 ${problems.length} 个问题，无法启动：\n${problems.map((p) => `  ${path.join(p.dir, describeProblem(p))}`).join('\n')}`);
  }
}

/** The checkout's packs/ folder, then LVZHI_PACK_DIRS (colon-separated) in order. */
export function packRoots(env: NodeJS.ProcessEnv): string[] {
  const extra = (env.LVZHI_PACK_DIRS ?? '').split(':').filter((dir) => dir.trim() !== '');
  return [path.join(projectRoot(), 'packs'), ...extra.map((dir) => path.resolve(dir))];
}

/** The pack folders in `root`: the root itself when it holds a pack.yaml, else its sub-folders. */
export function packFolders(root: string): string[] {
  if (fs.existsSync(path.join(root, PACK_FILES.manifest))) return [root];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => path.join(root, entry.name))
    .sort();
}

/** Loads every pack under `roots`; the packs are only usable when there are no problems. */
export function loadPacks(roots: readonly string[]): { packs: Pack[]; problems: FolderProblem[] } {
  const packs: Pack[] = [];
  const problems: FolderProblem[] = [];
  const seen = new Map<string, string>();
  for (const root of roots) {
    if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
      problems.push({ dir: root, file: '', path: '', message: '制度包目录不存在' });
      continue;
    }
    for (const dir of packFolders(root)) {
      const loaded = loadPackDir(dir);
      problems.push(...loaded.problems.map((p) => ({ dir, ...p })));
      if (!loaded.pack) continue;
      const other = seen.get(loaded.pack.id);
      if (other) problems.push({ dir, file: PACK_FILES.manifest, path: 'id', message: `制度包 id“${loaded.pack.id}”重复（已在 ${other} 加载）` });
      else {
        seen.set(loaded.pack.id, dir);
        packs.push(loaded.pack);
      }
    }
  }
  return { packs, problems };
}

/** A registry of every pack under `roots`; throws PackLoadError listing the problems when any pack has one. */
export function loadPackRegistry(roots: readonly string[]): PackRegistry {
  const { packs, problems } = loadPacks(roots);
  if (problems.length > 0) throw new PackLoadError(problems);
  return createPackRegistry(packs);
}

/**
 * A registry that loads on first use. The CLI's commands mostly never look at packs, and a
 * backup or a password reset should not fail because someone is editing a pack.
 */
export function lazyPackRegistry(load: () => PackRegistry): PackRegistry {
  let registry: PackRegistry | null = null;
  const get = () => (registry ??= load());
  return {
    all: () => get().all(),
    get: (packId) => get().get(packId),
    recordType: (packId, typeId) => get().recordType(packId, typeId),
    rule: (packId, ruleId) => get().rule(packId, ruleId),
    metric: (packId, metricId) => get().metric(packId, metricId),
  };
}
