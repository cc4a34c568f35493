import type { TestProject } from 'vitest/node';
import { startCluster } from './postgresCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a PostgreSQL server for tests, or null. */
    pgUrl: string | null;
    /** Why PostgreSQL suites cannot run here, when pgUrl is null. */
    pgSkipReason: string | null;
  }
}

/**
 * Provides a PostgreSQL server to the suites: `LVZHI_TEST_PG_URL` when given, otherwise a throwaway
 * cluster started here and stopped after the run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.LVZHI_TEST_PG_URL;
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgSkipReason', null);
    return () => {};
  }
  const cluster = await startCluster();
  if ('reason' in cluster) {
    project.provide('pgUrl', null);
    project.provide('pgSkipReason', cluster.reason);
    return () => {};
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgSkipReason', null);
  return () => cluster.stop();
}
