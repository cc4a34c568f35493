import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { createRecord, FIXTURE_PACK_ID, ledgerSnapshot, type LedgerWorld, ledgerWorld, meetingBody } from '../../../../test/support/ledgerFixtures.ts';
import { auditEntries, multipartFile, personIdByName } from '../../../../test/support/orgFixtures.ts';
import type { Client } from '../../../../test/support/testApp.ts';
import { cellText } from '../org/orgExcel.workbook.ts';

const HEADERS = ['组织编码', '组织名称', '会议名称', '会议日期', '主持人', '出席人员', '议题', '会议纪要', '会议类型', '研判领域', '参加人数', '整改期限', '是否第一议题', '承办单位', '报道链接'];
const query = `packId=${FIXTURE_PACK_ID}&typeId=meeting`;

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

const values = (sheet: ExcelJS.Worksheet) => {
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => cellText(row.getCell(i + 1).value))));
  return rows;
};

/** The downloaded template with `rows` typed in below the header, as a user would fill it. */
async function filled(client: Client, rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = await load((await client.get(`/api/records/template?${query}`)).rawPayload);
  const sheet = workbook.getWorksheet('专题会议')!;
  rows.forEach((cells, i) => cells.forEach((value, j) => (sheet.getCell(i + 2, j + 1).value = value)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const importFile = (client: Client, content: Buffer) =>
  client.request({ method: 'POST', url: `/api/records/import?${query}`, ...multipartFile({ filename: '台账.xlsx', content }) });

describeEachDialect('ledger Excel', (dialect) => {
  let w: LedgerWorld;
  beforeEach(async () => {
    w = await ledgerWorld(dialect);
  });
  afterEach(async () => {
    await w.t.close();
  });

  it('serves a template per record type: built-in columns, one per field, drop-downs and a guide', async () => {
    const res = await w.clerk.get(`/api/records/template?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('专题会议-导入模板.xlsx')}`);
    const workbook = await load(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['专题会议', '说明']);
    const sheet = workbook.getWorksheet('专题会议')!;
    expect(values(sheet)[0]).toEqual(HEADERS);
    expect(sheet.getCell('I2').dataValidation).toMatchObject({ type: 'list', formulae: ['"党组会,扩大会"'], showErrorMessage: true });
    expect(sheet.getCell('J2').dataValidation).toMatchObject({ formulae: ['"思想理论,新闻舆论,网上舆情"'] });
    // Several labels fit in one multiple-choice cell: its list helps without refusing input.
    expect(sheet.getCell('J2').dataValidation.showErrorMessage).toBeFalsy();
    expect(sheet.getCell('M2').dataValidation).toMatchObject({ formulae: ['"是,否"'] });
    const guide = values(workbook.getWorksheet('说明')!).map((r) => r[0]).join('\n');
    expect(guide).toContain('附件（佐证材料）不能通过Excel导入');
    expect((await w.leader.get(`/api/records/template?${query}`)).statusCode).toBe(403);
    expect((await w.clerk.get(`/api/records/template?packId=${FIXTURE_PACK_ID}&typeId=nope`)).statusCode).toBe(422);
  });

  it('imports a filled template: orgs by code or name, people by name, labels, Excel and typed dates', async () => {
    const file = await filled(w.clerk, [
      ['D01', '', '办公室一季度专题会', '2026-03-05', '赵文静', '孙晓明、周丽', '网络阵地管理', '会议纪要正文', '扩大会', '思想理论、网上舆情', 12, '2026-04-30', '是', '宣传推广科', 'https://example.gov.cn/1'],
      ['', '市图书馆', '图书馆专题会', new Date(Date.UTC(2026, 4, 6)), '姜宏', '', '读者活动审核', '', '党组会', '', '', '', '否', '', ''],
      ['', '', '局党组专题会', '2026/6/18', '王建国', '', '研究部署', '', 'party_group', '', '', '', '', '', ''],
    ]);
    const res = await importFile(w.clerk, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3 });
    const items = (await w.leader.get(`/api/records?packId=${FIXTURE_PACK_ID}&sort=occurredOn&order=asc`)).json().items;
    expect(items.map((i: { title: string; orgName: string; occurredOn: string }) => [i.title, i.orgName, i.occurredOn])).toEqual([
      ['办公室一季度专题会', '办公室', '2026-03-05'],
      ['图书馆专题会', '市图书馆', '2026-05-06'],
      ['局党组专题会', '示例市文化广电旅游局党组', '2026-06-18'],
    ]);
    expect(items[0].fields).toMatchObject({
      host: { name: '赵文静' }, attendees: [{ name: '孙晓明' }, { name: '周丽' }], topic: '网络阵地管理', meeting_kind: 'enlarged',
      domains: ['theory', 'online'], headcount: 12, follow_up_due: '2026-04-30', first_topic: true, venue_org: { id: w.orgs.publicity }, link: 'https://example.gov.cn/1',
    });
    expect(items[1].fields.first_topic).toBe(false);
    expect((await auditEntries(w.t, 'record.import'))[0]!.summary).toEqual({ type: '专题会议', created: 3, file: '台账.xlsx' });
  });

  it('refuses a file with bad rows, naming row, column and reason, and writes nothing', async () => {
    await w.sysadmin.post('/api/people', { orgId: w.orgs.office, name: '周丽', position: '同名' });
    const branch = (await w.sysadmin.post('/api/orgs', { parentId: w.orgs.office, name: '办公室党支部', kind: 'branch', code: 'D01-B' })).json();
    expect(branch.id).toBeDefined();
    const file = await filled(w.clerk, [
      ['D01', '', '好的一行', '2026-03-05', '赵文静', '', '议题', '', '党组会', '', '', '', '', '', ''],
      ['D01', '', '', '2026-02-30', '查无此人', '周丽', '议题', '', '茶话会', '', 0, '', '也许', '', 'ftp://x'],
      ['D01-B', '', '支部会', '2026-03-05', '赵文静', '', '议题', '', '党组会', '', '', '', '', '', ''],
      ['X99', '', '无此组织', '2026-03-05', '赵文静', '', '', '', '党组会', '', '', '', '', '', ''],
    ]);
    const before = await ledgerSnapshot(w.t);
    const res = await importFile(w.clerk, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_INVALID', message: '导入失败：共11处错误，未写入任何数据' });
    expect(res.json().error.details).toEqual([
      { sheet: '专题会议', row: 3, column: '会议名称', message: '请填写会议名称' },
      { sheet: '专题会议', row: 3, column: '会议日期', message: '会议日期须为有效日期，如 2026-03-15' },
      { sheet: '专题会议', row: 3, column: '主持人', message: '“办公室”及其下级组织中没有名叫“查无此人”的人员' },
      { sheet: '专题会议', row: 3, column: '出席人员', message: '“办公室”及其下级组织中有2名叫“周丽”的人员，无法区分，请在系统中录入' },
      { sheet: '专题会议', row: 3, column: '会议类型', message: '会议类型的选项“茶话会”无效' },
      { sheet: '专题会议', row: 3, column: '参加人数', message: '参加人数不能小于1' },
      { sheet: '专题会议', row: 3, column: '是否第一议题', message: '是否第一议题须为“是”或“否”' },
      { sheet: '专题会议', row: 3, column: '报道链接', message: '报道链接须为以 http:// 或 https:// 开头的网址' },
      { sheet: '专题会议', row: 4, column: '组织编码', message: '“办公室党支部”（党支部）不记录“专题会议”' },
      { sheet: '专题会议', row: 5, column: '组织编码', message: '组织“X99”不存在或不在管辖范围内' },
      { sheet: '专题会议', row: 5, column: '议题', message: '请填写议题' },
    ]);
    expect(await ledgerSnapshot(w.t)).toBe(before);
  });

  it('keeps an import inside the importer\'s scope', async () => {
    const file = await filled(w.officeLiaison, [['A01', '', '越权', '2026-03-05', '姜宏', '', '议题', '', '党组会', '', '', '', '', '', '']]);
    const res = await importFile(w.officeLiaison, file);
    expect(res.json().error.details).toEqual([{ sheet: '专题会议', row: 2, column: '组织编码', message: '组织“A01”不存在或不在管辖范围内' }]);
    const mine = await filled(w.officeLiaison, [['', '', '本科室', '2026-03-05', '赵文静', '', '议题', '', '党组会', '', '', '', '', '', '']]);
    expect((await importFile(w.officeLiaison, mine)).json()).toEqual({ created: 1 });
    expect((await importFile(w.officeLiaison, Buffer.from('<html></html>'))).json().error.code).toBe('NOT_XLSX');
  });

  it('imports many rows in one go', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ['D01', '', `专题会${i}`, `2026-0${(i % 9) + 1}-15`, '赵文静', '', '议题', '', '党组会', '', '', '', '', '', '']);
    const res = await importFile(w.clerk, await filled(w.clerk, rows));
    expect(res.json()).toEqual({ created: 1200 });
    expect((await w.leader.get(`/api/records?packId=${FIXTURE_PACK_ID}&pageSize=1`)).json().total).toBe(1200);
  });

  it('exports a filtered list with names and labels, one sheet per type', async () => {
    const host = await personIdByName(w.t, '王建国');
    await createRecord(w.clerk, meetingBody({ orgId: w.rootId, hostId: host, title: '一季度', occurredOn: '2026-03-01', fields: { meeting_kind: 'enlarged', domains: ['news'], first_topic: true } }));
    await createRecord(w.clerk, meetingBody({ orgId: w.rootId, hostId: host, title: '去年', occurredOn: '2025-12-01' }));
    await createRecord(w.clerk, { packId: FIXTURE_PACK_ID, typeId: 'note', orgId: w.rootId, title: '工作记录', occurredOn: '2026-01-02', fields: {} });
    const res = await w.leader.get(`/api/records/export?packId=${FIXTURE_PACK_ID}&from=2026-01-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = await load(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['专题会议', '工作记录']);
    const rows = values(workbook.getWorksheet('专题会议')!);
    expect(rows[0]).toEqual([...HEADERS, '佐证材料', '录入人', '录入时间']);
    expect(rows.slice(1).map((r) => r.slice(0, 13))).toEqual([
      ['', '示例市文化广电旅游局党组', '一季度', '2026-03-01', '王建国', '', '研究部署意识形态工作', '', '扩大会', '新闻舆论', '', '', '是'],
    ]);
    const [entry] = await auditEntries(w.t, 'record.export');
    expect(entry!.summary).toMatchObject({ rows: 2, types: ['专题会议', '工作记录'], filter: { from: '2026-01-01' } });
    const office = await load((await w.officeLiaison.get(`/api/records/export?packId=${FIXTURE_PACK_ID}`)).rawPayload);
    expect(office.worksheets.map((s) => s.name)).toEqual(['台账']);
  });
});
