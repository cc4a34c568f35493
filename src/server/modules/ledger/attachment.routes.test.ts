import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { docxBomb, docxBytes, exeBytes, htmlBytes, pdfBytes, pngBytes, xlsxBytes } from '../../../../test/support/evidenceFiles.ts';
import { createRecord, ledgerSnapshot, type LedgerWorld, ledgerWorld, meetingBody } from '../../../../test/support/ledgerFixtures.ts';
import { auditEntries, multipartFile, personIdByName } from '../../../../test/support/orgFixtures.ts';
import type { Client } from '../../../../test/support/testApp.ts';
import { fileStore } from './attachment.store.ts';

const upload = (client: Client, content: Buffer, filename: string, query = '') =>
  client.request({ method: 'POST', url: `/api/attachments${query}`, ...multipartFile({ filename, content, contentType: 'application/octet-stream' }) });

describeEachDialect('ledger attachments', (dialect) => {
  let w: LedgerWorld;
  beforeEach(async () => {
    w = await ledgerWorld(dialect, { maxUploadBytes: 64 * 1024 });
  });
  afterEach(async () => {
    await w.t.close();
  });

  it('accepts each evidence type by its bytes and stores identical content once, outside the database', async () => {
    const accepted = [[pdfBytes(), '会议纪要.pdf'], [pngBytes(), '照片.png'], [docxBytes(), '通知.docx'], [await xlsxBytes(), '签到表.xlsx']] as const;
    const mimes = [];
    for (const [bytes, name] of accepted) {
      const res = await upload(w.clerk, bytes, name);
      expect(res.statusCode, name).toBe(200);
      expect(res.json()).toMatchObject({ id: expect.any(String), name, size: bytes.length, sm3: expect.stringMatching(/^[0-9a-f]{64}$/) });
      mimes.push(res.json().mime);
    }
    expect(mimes).toEqual(['application/pdf', 'image/png', expect.stringContaining('wordprocessingml'), expect.stringContaining('spreadsheetml')]);

    const first = (await upload(w.clerk, pdfBytes('same'), 'a.pdf')).json();
    const second = (await upload(w.clerk, pdfBytes('same'), '另一个名字.pdf')).json();
    expect(second.sm3).toBe(first.sm3);
    expect(second.id).not.toBe(first.id);
    const store = fileStore(w.t.ctx.config.dataDir);
    const stored = store.pathOf(first.sm3);
    expect(stored).toBe(`${w.t.ctx.config.dataDir}/files/${first.sm3.slice(0, 2)}/${first.sm3}`);
    expect(fs.readFileSync(stored)).toEqual(pdfBytes('same'));
    expect(fs.readdirSync(`${w.t.ctx.config.dataDir}/files/tmp`)).toEqual([]);
    expect((await auditEntries(w.t, 'attachment.upload')).at(-1)!.summary).toMatchObject({ name: '另一个名字.pdf', sm3: first.sm3 });
  });

  it('takes the org from a form field sent before the file, keeping it within scope', async () => {
    const boundary = '----lvzhiform';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${w.orgs.library}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="签到表.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdfBytes(), Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const send = (client: Client) =>
      client.request({ method: 'POST', url: '/api/attachments', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const res = await send(w.clerk);
    expect(res.statusCode).toBe(200);
    const row = await w.t.ctx.db.selectFrom('attachment').select('org_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.org_id).toBe(w.orgs.library);
    expect((await send(w.officeLiaison)).statusCode).toBe(404);
  });

  it('refuses HTML named .docx, a program named .jpg, a zip bomb and an oversized file, storing nothing', async () => {
    const before = await ledgerSnapshot(w.t);
    const refusals: [Buffer, string, number, string][] = [
      [htmlBytes(), 'report.docx', 415, 'UNSUPPORTED_FILE_TYPE'],
      [exeBytes(), 'photo.jpg', 415, 'UNSUPPORTED_FILE_TYPE'],
      [docxBomb(), 'big.docx', 413, 'ARCHIVE_TOO_LARGE'],
      [Buffer.concat([pdfBytes(), Buffer.alloc(65 * 1024)]), 'scan.pdf', 413, 'FILE_TOO_LARGE'],
      [Buffer.alloc(0), 'empty.pdf', 422, 'FILE_EMPTY'],
    ];
    for (const [bytes, name, status, code] of refusals) {
      const res = await upload(w.clerk, bytes, name);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect((await upload(w.clerk, htmlBytes(), 'a.docx')).json().error.message).toBe('不支持该文件类型：仅可上传JPG、PNG、PDF、DOCX、XLSX文件（按文件内容识别，与扩展名无关）');
    expect((await upload(w.clerk, Buffer.alloc(70 * 1024, 1), 'a.pdf')).json().error.message).toBe('文件过大：附件不能超过64KB');
    expect(await ledgerSnapshot(w.t)).toBe(before);
    expect(fs.existsSync(`${w.t.ctx.config.dataDir}/files`)).toBe(false);
    const json = await w.clerk.post('/api/attachments', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect((await w.leader.request({ method: 'POST', url: '/api/attachments', ...multipartFile({ filename: 'a.pdf', content: pdfBytes() }) })).statusCode).toBe(403);
  });

  it('downloads with safe headers, previews only images and PDFs inline, and never uses the given path', async () => {
    const pdf = (await upload(w.clerk, pdfBytes(), '../../app/会议纪要 (终稿).pdf')).json();
    expect(pdf.name).toBe('会议纪要 (终稿).pdf');
    const res = await w.leader.get(`/api/attachments/${pdf.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(pdfBytes());
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // RFC 5987: the parentheses are percent-encoded too.
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="attachment.pdf"; filename*=UTF-8''${encodeURIComponent('会议纪要 ')}%28${encodeURIComponent('终稿')}%29.pdf`,
    );
    const preview = await w.leader.get(`/api/attachments/${pdf.id}?inline=1`);
    expect(preview.headers['content-disposition']).toMatch(/^inline; /);
    expect(preview.headers['content-security-policy']).toContain("default-src 'none'");

    const docx = (await upload(w.clerk, docxBytes(), 'a.html')).json();
    expect(docx.name).toBe('a.html.docx');
    const forced = await w.leader.get(`/api/attachments/${docx.id}?inline=1`);
    expect(forced.headers['content-disposition']).toMatch(/^attachment; /);
    expect(forced.headers['content-type']).toContain('wordprocessingml');
  });

  it('refuses to serve a stored file whose bytes changed, with an error id, and audits it', async () => {
    const png = (await upload(w.clerk, pngBytes(), 'p.png')).json();
    const file = fileStore(w.t.ctx.config.dataDir).pathOf(png.sm3);
    const bytes = fs.readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    fs.writeFileSync(file, bytes);
    const res = await w.leader.get(`/api/attachments/${png.id}`);
    expect(res.statusCode).toBe(500);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 'FILE_INTEGRITY', details: { id: expect.any(String) } });
    expect(error.message).toContain(error.details.id);
    const [entry] = await auditEntries(w.t, 'file.integrity');
    expect(entry).toMatchObject({ result: 'failure', target_id: png.id });
    expect(entry!.summary).toMatchObject({ problem: 'changed', errorId: error.details.id, sm3: png.sm3 });

    // Uploading the same content again repairs the stored copy.
    await upload(w.clerk, pngBytes(), 'again.png');
    expect((await w.leader.get(`/api/attachments/${png.id}`)).statusCode).toBe(200);
    fs.rmSync(file);
    expect((await w.leader.get(`/api/attachments/${png.id}`)).statusCode).toBe(500);
    expect((await auditEntries(w.t, 'file.integrity')).at(-1)!.summary.problem).toBe('missing');
  });

  it('links attachments to records as evidence and shows them with name, size and type', async () => {
    const a = (await upload(w.clerk, pdfBytes(), '纪要.pdf')).json();
    const b = (await upload(w.clerk, pngBytes(), '照片.png')).json();
    const host = await personIdByName(w.t, '王建国');
    const record = await createRecord(w.clerk, meetingBody({ orgId: w.rootId, hostId: host, fields: { evidence: [b.id, a.id] } }));
    expect(record.fields).toMatchObject({
      evidence: [{ id: b.id, name: '照片.png', size: b.size, mime: 'image/png' }, { id: a.id, name: '纪要.pdf', size: a.size, mime: 'application/pdf' }],
    });
    const links = await w.t.ctx.db.selectFrom('record_attachment').selectAll().where('record_id', '=', record.id).orderBy('sort_order').execute();
    expect(links.map((l) => [l.attachment_id, l.field_id, Number(l.sort_order)])).toEqual([[b.id, 'evidence', 0], [a.id, 'evidence', 1]]);
    await w.clerk.patch(`/api/records/${record.id}`, { fields: { host, topic: '议题', meeting_kind: 'party_group', evidence: [a.id] } });
    const after = await w.t.ctx.db.selectFrom('record_attachment').select('attachment_id').where('record_id', '=', record.id).execute();
    expect(after.map((l) => l.attachment_id)).toEqual([a.id]);
  });
});
