import { displayFileName } from '../../../core/files/fileName.ts';
import { type EvidenceExt, sniffFileType } from '../../../core/files/fileType.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, notFound, unprocessable } from '../../platform/errors.ts';
import { sm3 } from '../../platform/crypto.ts';
import { newId } from '../../platform/ids.ts';
import { scanBytes } from '../../platform/malwareScan.ts';
import type { Upload } from '../../platform/upload.ts';
import { auditedWrite, recordAudit } from '../audit/audit.repository.ts';
import { orgInScope } from '../org/org.access.ts';
import { ZIP_LIMITS } from '../org/xlsxGuard.ts';
import { getAttachmentInScope, insertAttachment } from './attachment.repository.ts';
import type { AttachmentOut } from './attachment.schema.ts';
import { fileStore } from './attachment.store.ts';
import type { AttachmentRow } from './record.table.ts';

// Evidence files: typed by their bytes, stored content-addressed outside the database, and checked
// against their SM3 on every download.

const present = (row: AttachmentRow): AttachmentOut => ({ id: row.id, name: row.original_name, size: Number(row.size), mime: row.mime, sm3: row.sm3 });

const ALLOWED = 'JPG、PNG、PDF、DOCX、XLSX';

/** Stores an uploaded evidence file for an org in the actor's scope (the actor's own org by default). */
export async function uploadAttachment(ctx: AppContext, actor: Actor, upload: Upload, orgId: string | undefined): Promise<AttachmentOut> {
  const org = await orgInScope(ctx, actor, orgId ?? upload.fields.orgId ?? actor.orgId, { write: true, field: 'orgId' });
  if (upload.buffer.length === 0) throw unprocessable('FILE_EMPTY', '文件内容为空', 'file');
  const sniffed = sniffFileType(upload.buffer, ZIP_LIMITS);
  if ('rejected' in sniffed) {
    if (sniffed.rejected === 'zip_too_large') throw new AppError(413, 'ARCHIVE_TOO_LARGE', '文件解压后过大，已拒绝上传', 'file');
    throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', `不支持该文件类型：仅可上传${ALLOWED}文件（按文件内容识别，与扩展名无关）`, 'file');
  }
  const name = displayFileName(upload.filename, sniffed.ext);
  await assertScannedClean(ctx, actor, upload.buffer, { name, orgId: org.id });
  const hash = await fileStore(ctx.config.dataDir).put(upload.buffer);
  const row = await auditedWrite(ctx, actor, async (trx) => {
    const inserted = await insertAttachment(trx, actor, { sm3: hash, size: upload.buffer.length, mime: sniffed.mime, name, orgId: org.id });
    const summary = { name, size: inserted.size, mime: inserted.mime, sm3: hash, org: org.name };
    return { result: inserted, audit: { action: 'attachment.upload', targetType: 'attachment', targetId: inserted.id, orgId: org.id, summary } };
  });
  return present(row);
}

/**
 * SEC-35: with LVZHI_SCAN_COMMAND set, the bytes go to the scanner before anything is stored; a
 * file it does not pass is refused (422) and audited as `file.malware`, and its bytes are dropped.
 */
async function assertScannedClean(ctx: AppContext, actor: Actor, bytes: Buffer, file: { name: string; orgId: string }): Promise<void> {
  const command = ctx.config.scanCommand;
  if (!command) return;
  const scan = await scanBytes(command, bytes);
  if (scan.clean) return;
  const found = scan.exitCode === 1;
  await recordAudit(ctx, actor, {
    action: 'file.malware', result: 'denied', targetType: 'attachment', orgId: file.orgId,
    summary: { name: file.name, size: bytes.length, sm3: sm3(bytes), exitCode: scan.exitCode, output: scan.output, verdict: found ? 'infected' : 'scan_failed' },
  });
  throw found
    ? unprocessable('MALWARE_FOUND', `病毒扫描发现“${file.name}”含有病毒或恶意代码，已拒绝上传`, 'file')
    : unprocessable('SCAN_FAILED', `病毒扫描未能完成（扫描程序退出码 ${scan.exitCode ?? '无'}），为安全起见已拒绝上传“${file.name}”，请稍后重试或联系系统管理员`, 'file');
}

export interface Download {
  name: string;
  ext: EvidenceExt | string;
  mime: string;
  bytes: Buffer;
}

/**
 * The bytes of an attachment the actor may see. A stored file that is missing or no longer matches
 * its SM3 is refused with a 500 carrying an error id, and the failure is audited.
 */
export async function downloadAttachment(ctx: AppContext, actor: Actor, id: string): Promise<Download> {
  const row = await getAttachmentInScope(ctx.db, id, actor);
  if (!row) throw notFound('附件');
  const stored = await fileStore(ctx.config.dataDir).get(row.sm3);
  if (!stored || !stored.intact) {
    const errorId = newId();
    await recordAudit(ctx, actor, {
      action: 'file.integrity', result: 'failure', targetType: 'attachment', targetId: id, orgId: row.org_id,
      summary: { name: row.original_name, sm3: row.sm3, problem: stored ? 'changed' : 'missing', errorId },
    });
    throw new AppError(500, 'FILE_INTEGRITY', `附件“${row.original_name}”校验失败（文件缺失或已被改动），已拒绝下载（错误编号 ${errorId}）`, undefined, { id: errorId });
  }
  return { name: row.original_name, ext: row.original_name.split('.').pop() ?? '', mime: row.mime, bytes: stored.bytes };
}
