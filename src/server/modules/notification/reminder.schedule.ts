import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { releaseLease } from './jobLease.repository.ts';
import { REMINDER_JOB, runReminders } from './reminder.job.ts';

/**
 * Runs the reminder job every `config.reminderIntervalSeconds` in a process that serves HTTP: the
 * timer starts when the server listens (so tests that only inject requests, and the CLI's one-shot
 * commands, never run it) and stops, with the lease given back, when the app closes. The timer is
 * unref'd: it never keeps a process alive on its own.
 */
export function scheduleReminders(app: App, ctx: AppContext): void {
  const seconds = ctx.config.reminderIntervalSeconds;
  if (seconds <= 0) return;
  const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // The lease outlives two missed runs, so one slow run does not hand the job to another process.
  const leaseMs = seconds * 3 * 1000;
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runReminders(ctx, { holder, leaseMs })
      .then((run) => run.notified > 0 && app.log.info({ notified: run.notified }, 'compliance reminders sent'))
      .catch((error: unknown) => app.log.error({ err: error }, 'compliance reminder job failed'))
      .finally(() => {
        running = null;
      });
  };
  app.server.once('listening', () => {
    // A first run shortly after start, then one per interval.
    timers.push(setTimeout(tick, Math.min(seconds, 5) * 1000).unref(), setInterval(tick, seconds * 1000).unref());
  });
  app.addHook('onClose', async () => {
    if (timers.length === 0) return;
    for (const timer of timers) clearTimeout(timer);
    await running;
    await releaseLease(ctx.db, REMINDER_JOB, holder).catch(() => {});
  });
}
