import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../platform/errors.ts';

export type PdfFailure = 'unavailable' | 'timeout' | 'failed';

const FAILURES: Record<PdfFailure, { status: number; code: string; message: string }> = {
  unavailable: { status: 503, code: 'PDF_UNAVAILABLE', message: '服务器未安装 LibreOffice，无法导出 PDF；请下载 Word 文件' },
  timeout: { status: 503, code: 'PDF_TIMEOUT', message: '导出 PDF 超时；请稍后重试，或下载 Word 文件' },
  failed: { status: 500, code: 'PDF_FAILED', message: 'PDF 转换失败；请下载 Word 文件' },
};

/** A PDF that could not be made. An AppError, so a route that lets it through answers with its status. */
export class PdfExportError extends AppError {
  constructor(
    readonly reason: PdfFailure,
    /** What LibreOffice said, for the log; never shown to the user. */
    readonly detail = '',
  ) {
    const failure = FAILURES[reason];
    super(failure.status, failure.code, failure.message);
    this.name = 'PdfExportError';
  }
}

export interface PdfOptions {
  /** The LibreOffice binary; `soffice` on the PATH by default. */
  soffice?: string;
  /** How long one conversion may take; 60 s by default (a cold start takes 2–5 s). */
  timeoutMs?: number;
  /** Where the per-conversion work folder is made (and removed again); the OS temp folder by default. */
  tmpDir?: string;
  /** A fontconfig file for LibreOffice (FONTCONFIG_FILE), e.g. one including packaging/fontconfig. */
  fontconfigFile?: string;
}

/** Conversions at once: LibreOffice takes a core and ~200 MB each; more would only queue in the CPU. */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  // A finished conversion hands its slot straight to the next in line, so a newcomer cannot slip in
  // between and make it three.
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/**
 * Converts a DOCX to PDF with LibreOffice (`soffice --headless --convert-to pdf`), in a work folder of
 * its own with a fresh LibreOffice profile (a shared profile is locked by a running instance and
 * serialises or breaks parallel conversions). The folder is removed whatever happens.
 */
export async function convertDocxToPdf(docx: Buffer, options: PdfOptions = {}): Promise<Buffer> {
  return withSlot(async () => {
    const work = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'lvzhi-pdf-'));
    try {
      const input = join(work, 'report.docx');
      const outDir = join(work, 'out');
      await writeFile(input, docx);
      await mkdir(outDir);
      await runSoffice(input, outDir, join(work, 'profile'), options);
      return await readFile(join(outDir, 'report.pdf')).catch(() => {
        throw new PdfExportError('failed', 'LibreOffice wrote no PDF');
      });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}

function runSoffice(input: string, outDir: string, profile: string, options: PdfOptions): Promise<void> {
  const args = [
    '--headless',
    '--norestore',
    '--nolockcheck',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    input,
  ];
  const env = { ...process.env, ...(options.fontconfigFile ? { FONTCONFIG_FILE: options.fontconfigFile } : {}) };
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends soffice.bin too, not only the oosplash wrapper.
    const child = spawn(options.soffice ?? 'soffice', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < 4000) output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let failure: PdfExportError | null = null;
    const timer = setTimeout(() => {
      failure = new PdfExportError('timeout', output);
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group ended on its own between the timer and the kill.
      }
    }, options.timeoutMs ?? 60_000);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const missing = error.code === 'ENOENT' || error.code === 'EACCES';
      reject(new PdfExportError(missing ? 'unavailable' : 'failed', error.message));
    });
    // 'close' comes after the streams end, so the group is gone before the folder is removed.
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0) reject(new PdfExportError('failed', `soffice exited with ${code}: ${output}`));
      else resolve();
    });
  });
}
