import { buildDocx } from '../../../core/report/docx.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { draftInScope } from './report.access.ts';
import { loadVersion } from './report.service.ts';
import { convertDocxToPdf } from './pdf.ts';

// A report version as a file: the official Word layout (core/report/docx.ts), or a PDF of it made
// by LibreOffice where it is installed (pdf.ts answers 503 with a Chinese message where it is not).

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name from a title: characters no file system takes dropped, line breaks joined. */
export function docxFileName(title: string, ext = 'docx'): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must go
  const base = title.replace(/[\r\n]+/g, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 80) || '报告';
  return `${base}.${ext}`;
}

export interface ReportFile {
  bytes: Buffer;
  /** The Chinese name, and a plain one for old clients. */
  name: string;
  ascii: string;
}

export async function reportDocx(ctx: AppContext, actor: Actor, id: string, version?: number): Promise<ReportFile> {
  const draft = await draftInScope(ctx, actor, id);
  const { document, version: row } = await loadVersion(ctx, draft, version);
  return { bytes: await buildDocx(document), name: docxFileName(draft.title), ascii: `report-${draft.period_from.slice(0, 4)}-v${row.n}.docx` };
}

export async function reportPdf(ctx: AppContext, actor: Actor, id: string, version?: number): Promise<ReportFile> {
  const docx = await reportDocx(ctx, actor, id, version);
  return { bytes: await convertDocxToPdf(docx.bytes), name: docxFileName(docx.name.replace(/\.docx$/, ''), 'pdf'), ascii: docx.ascii.replace(/\.docx$/, '.pdf') };
}
