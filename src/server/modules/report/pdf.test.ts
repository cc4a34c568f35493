import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../core/report/docx.ts';
import { sampleReportDocument } from '../../../core/report/sampleDocument.ts';
import { STRICT } from '../../../../test/support/dialects.ts';
import { PdfExportError, convertDocxToPdf } from './pdf.ts';

let work: string;
let tmpRoot: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'lvzhi-pdf-test-'));
  tmpRoot = join(work, 'tmp');
  await mkdir(tmpRoot);
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A stand-in for soffice: a shell script with the given body. */
async function fakeSoffice(body: string): Promise<string> {
  const path = join(work, 'soffice');
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

async function failureOf(promise: Promise<unknown>): Promise<PdfExportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PdfExportError);
  return error as PdfExportError;
}

describe('convertDocxToPdf around LibreOffice', () => {
  it('without LibreOffice, says so in Chinese with a 503, leaving no temp files', async () => {
    const error = await failureOf(convertDocxToPdf(Buffer.from('x'), { soffice: join(work, 'no-such-soffice'), tmpDir: tmpRoot }));
    expect(error.reason).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(error.code).toBe('PDF_UNAVAILABLE');
    expect(error.message).toBe('服务器未安装 LibreOffice，无法导出 PDF；请下载 Word 文件');
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('runs soffice headless with a fresh profile inside the work folder, and returns the PDF it wrote', async () => {
    // The fake writes its arguments as the "PDF" into the folder after --outdir.
    const soffice = await fakeSoffice('out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; printf "%s\\n" "$@" > "$out/report.pdf"');
    const pdf = (await convertDocxToPdf(Buffer.from('docx'), { soffice, tmpDir: tmpRoot })).toString();
    const args = pdf.trim().split('\n');
    expect(args.slice(0, 3)).toEqual(['--headless', '--norestore', '--nolockcheck']);
    expect(args[3]).toMatch(new RegExp(`^-env:UserInstallation=file://${tmpRoot}/lvzhi-pdf-\\w+/profile$`));
    expect(args.slice(4, 7)).toEqual(['--convert-to', 'pdf', '--outdir']);
    expect(args[8]).toMatch(/\/report\.docx$/);
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('reports a conversion that wrote no PDF, or failed, as failed', async () => {
    const silent = await fakeSoffice('echo "Error: source file could not be loaded" >&2');
    const error = await failureOf(convertDocxToPdf(Buffer.from('x'), { soffice: silent, tmpDir: tmpRoot }));
    expect([error.reason, error.status, error.message]).toEqual(['failed', 500, 'PDF 转换失败；请下载 Word 文件']);
    const crashing = await fakeSoffice('echo boom >&2; exit 3');
    const crash = await failureOf(convertDocxToPdf(Buffer.from('x'), { soffice: crashing, tmpDir: tmpRoot }));
    expect(crash.reason).toBe('failed');
    expect(crash.detail).toContain('exited with 3: boom');
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  it('ends a conversion that takes too long, its child processes included', async () => {
    const marker = join(work, 'still-running');
    const soffice = await fakeSoffice(`(sleep 2; touch ${marker}) & sleep 30`);
    const started = Date.now();
    const error = await failureOf(convertDocxToPdf(Buffer.from('x'), { soffice, tmpDir: tmpRoot, timeoutMs: 300 }));
    expect(error.reason).toBe('timeout');
    expect(error.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await readdir(tmpRoot)).toEqual([]);
    // The background child was in the killed group: it never gets to touch its marker.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await readdir(work)).not.toContain('still-running');
  });
});

// Looked up rather than run: starting LibreOffice here would write a profile into $HOME.
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
const hasPoppler = spawnSync('pdfinfo', ['-v']).error === undefined;
if (!hasSoffice && !STRICT) console.warn('[skip] PDF export with LibreOffice: soffice is not installed (apt-get install libreoffice-writer-nogui)');

/** A fontconfig file that adds the shipped aliases to the system's configuration, as an install would. */
async function fontconfigWithAliases(): Promise<string> {
  const aliases = resolve('packaging/fontconfig/65-lvzhi-official-fonts.conf');
  const path = join(work, 'fonts.conf');
  await writeFile(
    path,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>${aliases}</include></fontconfig>`,
  );
  return path;
}

describe.skipIf(!hasSoffice && !STRICT)('convertDocxToPdf with LibreOffice', () => {
  it('turns the sample report into an A4 PDF of a few pages numbered "— 1 —", in the stand-in fonts', async () => {
    if (!hasSoffice) throw new Error('LibreOffice is required (LVZHI_TEST_STRICT=1) but soffice is not on the PATH');
    const docx = await buildDocx(sampleReportDocument());
    const pdf = await convertDocxToPdf(docx, { tmpDir: tmpRoot, fontconfigFile: await fontconfigWithAliases() });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readdir(tmpRoot)).toEqual([]);
    if (!hasPoppler) {
      if (STRICT) throw new Error('poppler-utils (pdfinfo, pdftotext) is required (LVZHI_TEST_STRICT=1)');
      console.warn('[skip] PDF page count and text: pdfinfo is not installed (apt-get install poppler-utils)');
      return;
    }
    const file = join(work, 'report.pdf');
    await writeFile(file, pdf);
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(5);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(new RegExp(`—\\s*${pages}\\s*—`));
    expect(text).toContain('市城市管理局党组');
    const fonts = spawnSync('pdffonts', [file], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/NotoSerifCJK|NotoSansCJK|Fandol|UKai/);
  }, 120_000);
});

describe('convertDocxToPdf under load', () => {
  it('runs at most two conversions at once and serves every one of them', async () => {
    // Each fake run records itself in a shared folder while it works.
    const live = join(work, 'live');
    await mkdir(live);
    const soffice = await fakeSoffice(
      `me=$$; touch ${live}/$me; ls ${live} | wc -l > ${work}/count-$me; sleep 0.3; rm ${live}/$me
out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done; echo pdf > "$out/report.pdf"`,
    );
    const results = await Promise.all(Array.from({ length: 5 }, () => convertDocxToPdf(Buffer.from('x'), { soffice, tmpDir: tmpRoot })));
    expect(results.map(String)).toEqual(Array(5).fill('pdf\n'));
    const counts = await Promise.all(
      (await readdir(work)).filter((f) => f.startsWith('count-')).map(async (f) => Number((await readFile(join(work, f), 'utf8')).trim())),
    );
    expect(counts).toHaveLength(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    expect(await readdir(tmpRoot)).toEqual([]);
  });
});
