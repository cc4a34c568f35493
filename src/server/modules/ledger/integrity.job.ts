import type { Actor, AppContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { acquireLease } from '../notification/jobLease.repository.ts';
import { insertNotifications } from '../notification/notification.repository.ts';
import { accountsWithRoles } from '../notification/reminder.repository.ts';
import { getSetting, putSetting } from '../settings/setting.repository.ts';
import { fileStore } from './attachment.store.ts';

// SEC-36: every evidence file is re-hashed on download; this re-hashes all of them once a night (and
// on demand: `lvzhi files verify`), so that a changed or lost file is found before someone needs it.
// A problem is audited as `file.integrity` per attachment citing the file, the run as `file.verify`,
// and the system and security administrators get a notification. Several server processes share
// the job through the job lease used by the reminders; the date of the last run (a setting) makes it
// once a day.

export const INTEGRITY_JOB = 'files.integrity';
export const LAST_RUN_KEY = 'files.integrity.lastRun';

export type FileProblemKind = 'changed' | 'missing' | 'unreadable';

export interface FileProblem {
  sm3: string;
  problem: FileProblemKind;
  /** The attachments (evidence of records, submitted reports) that cite the file. */
  attachments: { id: string; name: string; orgId: string }[];
}

export interface IntegrityReport {
  /** Distinct stored files re-hashed. */
  files: number;
  /** Attachment rows citing them. */
  attachments: number;
  problems: FileProblem[];
}

/** Re-hashes every stored file the attachment table cites (each content once). */
export async function verifyStoredFiles(ctx: AppContext): Promise<IntegrityReport> {
  const rows = await ctx.db.selectFrom('attachment').select(['id', 'sm3', 'original_name', 'org_id']).orderBy('sm3').orderBy('id').execute();
  const bySm3 = new Map<string, FileProblem['attachments']>();
  for (const r of rows) {
    const list = bySm3.get(r.sm3) ?? [];
    list.push({ id: r.id, name: r.original_name, orgId: r.org_id });
    bySm3.set(r.sm3, list);
  }
  const store = fileStore(ctx.config.dataDir);
  const problems: FileProblem[] = [];
  for (const [sm3, attachments] of bySm3) {
    let state: 'intact' | FileProblemKind;
    try {
      state = await store.verify(sm3);
    } catch {
      // Permissions, I/O errors, a hash that is no hash: the file cannot be vouched for.
      state = 'unreadable';
    }
    if (state !== 'intact') problems.push({ sm3, problem: state, attachments });
  }
  return { files: bySm3.size, attachments: rows.length, problems };
}

const PROBLEM_LABEL: Record<FileProblemKind, string> = { changed: '已被改动', missing: '缺失', unreadable: '无法读取' };

/**
 * Records a verification: `file.integrity` per attachment of a bad file, `file.verify` for the
 * run, and (when something is wrong) one notification per system and security administrator,
 * at most one a day each.
 */
export async function reportIntegrity(ctx: AppContext, actor: Actor, report: IntegrityReport, date: string): Promise<number> {
  for (const p of report.problems) {
    for (const a of p.attachments) {
      await recordAudit(ctx, actor, {
        action: 'file.integrity', result: 'failure', targetType: 'attachment', targetId: a.id, orgId: a.orgId,
        summary: { name: a.name, sm3: p.sm3, problem: p.problem, source: 'verify' },
      });
    }
  }
  await recordAudit(ctx, actor, {
    action: 'file.verify', result: report.problems.length === 0 ? 'success' : 'failure', orgId: null,
    summary: { files: report.files, attachments: report.attachments, problems: report.problems.length },
  });
  if (report.problems.length === 0) return 0;
  const names = report.problems.flatMap((p) => p.attachments.map((a) => `“${a.name}”（${PROBLEM_LABEL[p.problem]}）`));
  const title = `【文件校验】${report.problems.length}个佐证材料文件缺失或被改动`;
  const body = `${date} 校验存储的 ${report.files} 个文件，发现问题：${names.slice(0, 5).join('、')}${names.length > 5 ? `等${names.length}个附件` : ''}。`
    + '请从备份恢复这些文件，并请审计管理员查看审计日志中的 file.integrity 记录。';
  const recipients = [...new Set((await accountsWithRoles(ctx.db, ['sysadmin', 'secadmin'])).map((r) => r.user_id))];
  const at = nowIso();
  return insertNotifications(
    ctx.db,
    recipients.map((userId) => ({
      id: newId(), user_id: userId, kind: 'files.integrity', title, body, link: null, org_id: null,
      dedupe_key: [INTEGRITY_JOB, date, userId].join('|'), created_at: at, read_at: null,
    })),
  );
}

export interface IntegrityJobOptions {
  /** Who runs the job (process-unique); the lease records it. */
  holder: string;
  leaseMs: number;
  /** The business date (Asia/Shanghai): the job runs once per date. */
  today: string;
}

/** The business date of the last nightly run, if any. */
export async function lastRunDate(ctx: AppContext): Promise<string | null> {
  return (await getSetting<{ date?: string }>(ctx.db, LAST_RUN_KEY))?.date ?? null;
}

/** The nightly run: once per date across all processes. */
export async function runIntegrityJob(ctx: AppContext, actor: Actor, opts: IntegrityJobOptions): Promise<{ ran: boolean; report?: IntegrityReport }> {
  if ((await lastRunDate(ctx)) === opts.today) return { ran: false };
  if (!(await acquireLease(ctx.db, INTEGRITY_JOB, opts.holder, opts.leaseMs))) return { ran: false };
  // Another process may have finished today's run and let the lease go just before we took it.
  if ((await lastRunDate(ctx)) === opts.today) return { ran: false };
  const report = await verifyStoredFiles(ctx);
  await reportIntegrity(ctx, actor, report, opts.today);
  // An object, not a bare string: a JSON string would come back from jsonb already parsed.
  await putSetting(ctx.db, LAST_RUN_KEY, { date: opts.today }, null);
  return { ran: true, report };
}
