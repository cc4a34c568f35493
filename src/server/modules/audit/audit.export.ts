import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { canonicalJson } from '../../../core/audit/chain.ts';
import type { Db } from '../../db/database.ts';
import { AUDIT_COLUMNS, type AuditEntryDto, type AuditFilterInput, filteredAudit, presentAudit } from './audit.query.ts';

const HEADERS = ['序号', '时间', '操作人', '所属组织', 'IP', '操作', '操作代码', '对象类型', '对象ID', '结果', '摘要'];
const RESULT_LABELS: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };
const PAGE = 2_000;

const cells = (e: AuditEntryDto) => [
  e.seq, e.at, e.actorName ?? '', e.orgName ?? '', e.ip ?? '', e.actionLabel, e.action, e.targetType ?? '', e.targetId ?? '',
  RESULT_LABELS[e.result] ?? e.result, canonicalJson(e.summary),
];

/** Matching entries in seq order, a page at a time, so an export of a long log stays small in memory. */
async function* entries(db: Db, filter: AuditFilterInput): AsyncGenerator<AuditEntryDto> {
  let after = 0;
  for (;;) {
    const rows = await filteredAudit(db, filter).select(AUDIT_COLUMNS).where('audit_log.seq', '>', after).orderBy('audit_log.seq').limit(PAGE).execute();
    for (const row of rows) yield presentAudit(row);
    if (rows.length < PAGE) return;
    after = Number(rows.at(-1)!.seq);
  }
}

/** CSV with a BOM so Excel opens the Chinese text as UTF-8; formula-looking cells are defused. */
function csvCell(value: unknown): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function exportAudit(db: Db, filter: AuditFilterInput, format: 'xlsx' | 'csv'): Readable {
  const out = new PassThrough();
  const write = async () => {
    if (format === 'csv') {
      out.write('\ufeff' + HEADERS.join(',') + '\r\n');
      for await (const e of entries(db, filter)) {
        if (!out.write(cells(e).map(csvCell).join(',') + '\r\n')) await new Promise((r) => out.once('drain', r));
      }
      out.end();
      return;
    }
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
    const sheet = workbook.addWorksheet('审计日志');
    sheet.columns = HEADERS.map((header, i) => ({ header, width: [8, 26, 14, 20, 16, 16, 22, 10, 38, 8, 60][i] }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const e of entries(db, filter)) sheet.addRow(cells(e)).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
