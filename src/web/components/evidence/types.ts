// Evidence files (佐证材料): what the server says about an uploaded file, and how the browser may show it.

/** An uploaded file as records carry it: POST /api/attachments answers with this (plus its SM3). */
export interface AttachmentRef {
  id: string;
  /** The original file name, for display and download only. */
  name: string;
  size: number;
  /** Typed by the server from the file's bytes. */
  mime: string;
}

/** The kinds the server accepts, by extension, for the file picker and its hint. */
export const EVIDENCE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'pdf', 'docx', 'xlsx'] as const;
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.map((ext) => `.${ext}`).join(',');
export const EVIDENCE_HINT = 'JPG、PNG、PDF、DOCX、XLSX';
/** The server's default limit (LVZHI_MAX_UPLOAD_MB); the session may say otherwise. */
export const DEFAULT_MAX_UPLOAD_MB = 20;

export const isImage = (file: Pick<AttachmentRef, 'mime'>): boolean => file.mime === 'image/jpeg' || file.mime === 'image/png';
export const isPdf = (file: Pick<AttachmentRef, 'mime'>): boolean => file.mime === 'application/pdf';

/** The download address; `inline` asks for a preview (images and PDFs only; other types still download). */
export const attachmentUrl = (id: string, inline = false): string => `/api/attachments/${encodeURIComponent(id)}${inline ? '?inline=1' : ''}`;

/** True when the name ends in an accepted extension: a first check only, the server types files by their bytes. */
export const hasEvidenceExtension = (name: string): boolean => {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return !!ext && (EVIDENCE_EXTENSIONS as readonly string[]).includes(ext);
};

/** 1536 → "1.5 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
