import { asciiFileName } from '../../../core/files/fileName.ts';
import { INLINE_MIMES } from '../../../core/files/fileType.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/guard.ts';
import { readUpload } from '../../platform/upload.ts';
import { attachment } from '../org/download.ts';
import { IdParams } from '../org/org.schema.ts';
import { AttachmentDto, DownloadQuery, UploadQuery } from './attachment.schema.ts';
import { downloadAttachment, uploadAttachment } from './attachment.service.ts';

const tags = ['ledger'];

/**
 * A preview may be framed by our own pages but runs nothing: images and PDFs only, no scripts, no
 * connections. The browser's PDF viewer needs object-src.
 */
const PREVIEW_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

export async function attachmentRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/attachments',
    {
      config: { access: 'ledger.write' },
      schema: {
        tags,
        summary: '上传佐证材料（multipart 字段 file；JPG、PNG、PDF、DOCX、XLSX，按内容识别类型；大小上限可配置）',
        consumes: ['multipart/form-data'],
        querystring: UploadQuery,
        response: { 200: AttachmentDto },
      },
    },
    async (request) => {
      const upload = await readUpload(request, { maxBytes: ctx.config.maxUploadBytes, what: '附件' });
      return uploadAttachment(ctx, actorOf(request), upload, request.query.orgId);
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { access: 'ledger.read' },
      schema: { tags, summary: '下载佐证材料（inline=1 时图片和PDF在浏览器中预览）；下载前校验SM3', params: IdParams, querystring: DownloadQuery },
    },
    async (request, reply) => {
      const file = await downloadAttachment(ctx, actorOf(request), request.params.id);
      const inline = request.query.inline === '1' && INLINE_MIMES.has(file.mime);
      attachment(reply, { ascii: asciiFileName(file.name, file.ext), utf8: file.name, type: file.mime, inline });
      if (inline) reply.header('content-security-policy', PREVIEW_CSP);
      // Evidence does not change under its id, but it is private: the browser may keep it, proxies not.
      reply.header('cache-control', 'private, max-age=3600');
      return reply.send(file.bytes);
    },
  );
}
