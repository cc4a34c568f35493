import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { chinaToday } from '../../../core/compliance/period.ts';
import type { App } from '../../app.ts';
import { now } from '../../platform/clock.ts';
import { type AppContext, systemActor } from '../../platform/context.ts';
import { releaseLease } from '../notification/jobLease.repository.ts';
import { INTEGRITY_JOB, runIntegrityJob } from './integrity.job.ts';

/** How often a serving process looks whether tonight's check is due. */
const TICK_MS = 10 * 60_000;
/** Long enough for a large file store; a crashed holder's lease runs out after it. */
const LEASE_MS = 6 * 3600_000;

/** The hour of the day in Beijing time (no daylight saving). */
export const chinaHour = (at: Date): number => (at.getUTCHours() + 8) % 24;

/** The business date whose check is due at `at`, or null before `hour` (Beijing time). */
export const integrityCheckDue = (at: Date, hour: number): string | null => (chinaHour(at) >= hour ? chinaToday(at) : null);

/**
 * Runs the nightly file check in a process that serves HTTP, from `config.integrityCheckHour`
 * (Beijing time) on, once per date across processes. Like the reminders, the timer starts when the
 * server listens and stops (lease given back) when the app closes; it never keeps a process alive.
 */
export function scheduleIntegrityCheck(app: App, ctx: AppContext): void {
  const hour = ctx.config.integrityCheckHour;
  if (hour === null) return;
  const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    const today = integrityCheckDue(now(), hour);
    if (running || !today) return;
    running = runIntegrityJob(ctx, systemActor('system'), { holder, leaseMs: LEASE_MS, today })
      .then(({ ran, report }) => {
        if (!ran || !report) return;
        const log = { files: report.files, problems: report.problems.length };
        if (report.problems.length > 0) app.log.error(log, 'evidence file check found missing or changed files');
        else app.log.info(log, 'evidence file check passed');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'evidence file check failed'))
      .finally(() => {
        running = null;
      });
  };
  app.server.once('listening', () => {
    timer = setInterval(tick, TICK_MS).unref();
  });
  app.addHook('onClose', async () => {
    if (!timer) return;
    clearInterval(timer);
    await running;
    await releaseLease(ctx.db, INTEGRITY_JOB, holder).catch(() => {});
  });
}
