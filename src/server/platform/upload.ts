import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from './errors.ts';

/** One uploaded file: its bytes, the name the browser gave it (display only), and the form's other fields. */
export interface Upload {
  buffer: Buffer;
  filename: string;
  /** Text fields sent before the file part. */
  fields: Record<string, string>;
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB` : `${Math.ceil(bytes / 1024)}KB`);

/**
 * Reads the single file of a multipart request (form field `file`) within the multipart size limit
 * set in app.ts; a bigger file answers 413 saying what the limit is.
 */
export async function readUpload(request: FastifyRequest, opts: { maxBytes: number; what: string }): Promise<Upload> {
  const missing = () => badRequest('FILE_REQUIRED', `请选择要上传的${opts.what}（表单字段 file）`, 'file');
  if (!request.isMultipart()) throw missing();
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw missing();
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'FILE_TOO_LARGE', `文件过大：${opts.what}不能超过${sizeLabel(opts.maxBytes)}`, 'file');
    }
    throw error;
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const first = [value].flat()[0];
    if (first && first.type === 'field' && typeof first.value === 'string') fields[name] = first.value;
  }
  return { buffer, filename: part.filename.slice(0, 200), fields };
}
