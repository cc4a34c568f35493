import { z } from 'zod';

export const AttachmentDto = z.object({
  id: z.string(),
  name: z.string().describe('原文件名（仅用于显示和下载）'),
  size: z.number().int().describe('字节数'),
  mime: z.string().describe('按文件内容识别的类型'),
  sm3: z.string().describe('文件内容的SM3摘要（十六进制）'),
});
export type AttachmentOut = z.infer<typeof AttachmentDto>;

export const UploadQuery = z.object({
  orgId: z.string().min(1).max(100).optional().describe('附件所属组织ID（也可作为表单字段 orgId 放在文件之前）；不填为本人所在组织'),
});

export const DownloadQuery = z.object({
  inline: z.enum(['0', '1']).default('0').describe('1：图片和PDF在浏览器中预览；其他类型始终下载'),
});
