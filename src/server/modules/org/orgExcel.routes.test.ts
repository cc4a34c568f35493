import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import type { Client } from '../../../../test/support/testApp.ts';
import {
  accountIn, auditEntries, type DemoBureau, demoBureau, demoUser, multipartFile, orgIdByCode, orgModuleSnapshot, personIdByName, rowCounts,
} from '../../../../test/support/orgFixtures.ts';
import { buildOrgWorkbook, cellText, type WorkbookContent } from './orgExcel.workbook.ts';

type OrgCells = WorkbookContent['orgs'][number];
type PersonCells = WorkbookContent['people'][number];
const orgCells = (cells: Partial<OrgCells>): OrgCells => ({ parentRef: '', name: '', kind: '', code: '', sortOrder: '', ...cells });
const personCells = (cells: Partial<PersonCells>): PersonCells => ({ name: '', orgRef: '', position: '', phone: '', email: '', ...cells });

const upload = (client: Client, content: Buffer, filename = 'import.xlsx') =>
  client.request({ method: 'POST', url: '/api/org-excel/import', ...multipartFile({ filename, content }) });

async function sheetValues(buffer: Buffer, name: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const rows: string[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => {
    const cells = Array.from({ length: row.cellCount }, (_, i) => cellText(row.getCell(i + 1).value));
    // Text-formatted columns keep a styled cell even when empty: drop the trailing blanks.
    while (cells.at(-1) === '') cells.pop();
    rows.push(cells);
  });
  return rows;
}

/** Replaces the data rows of a downloaded workbook, keeping its layout, as a user editing it would. */
async function editWorkbook(buffer: Buffer, edit: (sheets: { orgs: ExcelJS.Worksheet; people: ExcelJS.Worksheet }) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  edit({ orgs: workbook.getWorksheet('组织')!, people: workbook.getWorksheet('人员')! });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDialect('org Excel import and export', (dialect) => {
  let w: DemoBureau;
  beforeEach(async () => {
    w = await demoBureau(dialect);
  });
  afterEach(async () => {
    await w.t.close();
  });

  it('serves a styled template with a kind drop-down that imports back as nothing', async () => {
    const res = await w.admin.get('/api/org-excel/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['组织', '人员', '说明']);
    const orgs = workbook.getWorksheet('组织')!;
    expect((orgs.getRow(1).values as unknown[]).slice(1)).toEqual(['上级组织编码', '组织名称', '组织类型', '组织编码', '排序']);
    expect((workbook.getWorksheet('人员')!.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '所属组织编码', '职务', '手机', '邮箱']);
    expect(orgs.getCell('A1').font.bold).toBe(true);
    expect(orgs.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('党支部')] });

    const before = await orgModuleSnapshot(w.t);
    const imported = await upload(w.admin, res.rawPayload);
    expect(imported.json()).toEqual({ orgsCreated: 0, orgsUpdated: 0, peopleCreated: 0, peopleUpdated: 0 });
    expect(await orgModuleSnapshot(w.t)).toBe(before);
  });

  it('exports the subtree parent-first and re-imports it without changing anything', async () => {
    // An org without a code, with a child: the export refers to it by id.
    const plain = (await w.admin.post('/api/orgs', { parentId: w.rootId, name: '无编码科', kind: 'department' })).json();
    await w.admin.post('/api/orgs', { parentId: plain.id, name: '无编码支部', kind: 'branch' });
    const res = await w.admin.get('/api/org-excel/export');
    expect(res.statusCode).toBe(200);
    const orgs = await sheetValues(res.rawPayload, '组织');
    expect(orgs[1]).toEqual(['', '办公室', '处室/科室', 'D01', '1']);
    expect(orgs.at(-1)).toEqual([plain.id, '无编码支部', '党支部', '', '1']);
    const people = await sheetValues(res.rawPayload, '人员');
    expect(people.find((r) => r[0] === '王建国')).toEqual(['王建国', '', '党组书记、局长', expect.stringMatching(/^1390000\d{4}$/)]);
    expect(people.find((r) => r[0] === '姜宏')?.[1]).toBe('A01');
    expect((await auditEntries(w.t, 'org.export'))[0]!.summary).toMatchObject({ orgs: 13, contacts: 'full' });

    const before = await orgModuleSnapshot(w.t);
    const imported = await upload(w.admin, res.rawPayload);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ orgsCreated: 0, orgsUpdated: 0, peopleCreated: 0, peopleUpdated: 0 });
    expect(await orgModuleSnapshot(w.t)).toBe(before);
  });

  it('imports an edited export: new orgs referring to later rows, renames, new and updated people', async () => {
    const exported = (await w.admin.get('/api/org-excel/export')).rawPayload;
    const edited = await editWorkbook(exported, ({ orgs, people }) => {
      orgs.addRow(['N1', '新建支部', '党支部', 'N1-B', '']);
      orgs.addRow(['D01', '新建科', '处室/科室', 'N1', 3]);
      orgs.getRow(3).getCell(2).value = '机关党委';
      people.addRow(['新同志', 'N1-B', '组织委员', '13911112222', { text: 'new@example.com', hyperlink: 'mailto:new@example.com' }]);
      const zhou = people.getRows(2, people.rowCount - 1)!.find((r) => cellText(r.getCell(1).value) === '周丽')!;
      zhou.getCell(3).value = '副主任';
    });
    const res = await upload(w.admin, edited);
    expect(res.json()).toEqual({ orgsCreated: 2, orgsUpdated: 1, peopleCreated: 1, peopleUpdated: 1 });

    const db = w.t.ctx.db;
    const dept = await db.selectFrom('org').selectAll().where('code', '=', 'N1').executeTakeFirstOrThrow();
    const branch = await db.selectFrom('org').selectAll().where('code', '=', 'N1-B').executeTakeFirstOrThrow();
    const d01 = await orgIdByCode(w.t, 'D01');
    expect(dept).toMatchObject({ parent_id: d01, kind: 'department', path: `/${w.rootId}/${d01}/${dept.id}/` });
    expect(branch).toMatchObject({ parent_id: dept.id, kind: 'branch' });
    expect((await db.selectFrom('org').select('name').where('code', '=', 'D02').executeTakeFirstOrThrow()).name).toBe('机关党委');
    const newcomer = (await w.admin.get(`/api/people?q=${encodeURIComponent('新同志')}`)).json().items[0];
    expect(newcomer).toMatchObject({ orgId: branch.id, position: '组织委员', phone: '139****2222', email: 'n***@example.com' });
    expect((await w.admin.get(`/api/people/${await personIdByName(w.t, '周丽')}`)).json().position).toBe('副主任');
    const [entry] = await auditEntries(w.t, 'org.import');
    expect(entry!.summary).toMatchObject({ orgsCreated: 2, orgsUpdated: 1, peopleCreated: 1, peopleUpdated: 1 });
    expect(JSON.stringify(entry)).not.toContain('13911112222');
  });

  it('refuses a file with bad rows, naming sheet, row, column and reason, and writes nothing', async () => {
    const content = await buildOrgWorkbook({
      orgs: [
        orgCells({ name: '好的科室', kind: '处室/科室', code: 'OK1' }),
        orgCells({ name: '坏类型', kind: '居委会', code: 'BAD1' }),
        orgCells({ name: '', kind: '党支部', code: 'BAD2' }),
        orgCells({ parentRef: 'NOPE', name: '孤儿支部', kind: '党支部' }),
      ],
      people: [personCells({ name: '好人', orgRef: 'OK1' }), personCells({ name: '坏电话', orgRef: 'D01', phone: '12345' })],
    });
    const counts = await rowCounts(w.t);
    const before = await orgModuleSnapshot(w.t);
    const res = await upload(w.admin, content);
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.message).toBe('导入失败：共4处错误，未写入任何数据');
    expect(error.details).toEqual([
      { sheet: '组织', row: 3, column: '组织类型', message: expect.stringContaining('组织类型“居委会”无效') },
      { sheet: '组织', row: 4, column: '组织名称', message: '组织名称不能为空' },
      { sheet: '组织', row: 5, column: '上级组织编码', message: '上级组织编码“NOPE”不存在或不在管辖范围内' },
      { sheet: '人员', row: 3, column: '手机', message: expect.stringContaining('电话号码格式不正确') },
    ]);
    expect(await rowCounts(w.t)).toEqual(counts);
    expect(await orgModuleSnapshot(w.t)).toBe(before);
    expect(await auditEntries(w.t, 'org.import')).toHaveLength(0);
  });

  it('checks the file by its bytes and requires the file field', async () => {
    const fake = await upload(w.admin, Buffer.from('姓名,手机\n张三,13900000000\n'), 'people.xlsx');
    expect(fake.statusCode).toBe(422);
    expect(fake.json().error).toMatchObject({ code: 'NOT_XLSX', field: 'file' });
    const zipNotWorkbook = await upload(w.admin, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200)]));
    expect(zipNotWorkbook.json().error.code).toBe('NOT_XLSX');
    const none = await w.admin.post('/api/org-excel/import', {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ code: 'FILE_REQUIRED', field: 'file' });
    const headers = await editWorkbook(await buildOrgWorkbook({ orgs: [], people: [] }), ({ orgs }) => {
      orgs.getCell('B1').value = '名称';
    });
    const badHeader = await upload(w.admin, headers);
    expect(badHeader.json().error.details).toEqual([{ sheet: '组织', row: 1, column: '组织名称', message: expect.stringContaining('表头应为') }]);
  });

  it('requires org.manage for org rows and people.manage for people rows', async () => {
    const clerk = await demoUser(w.t, 'clerk');
    expect((await clerk.get('/api/org-excel/template')).statusCode).toBe(200);
    const withOrgs = await buildOrgWorkbook({ orgs: [orgCells({ name: '新科', kind: '处室/科室' })], people: [personCells({ name: '新人' })] });
    const before = await rowCounts(w.t);
    const refused = await upload(clerk, withOrgs);
    expect(refused.statusCode).toBe(403);
    expect(await rowCounts(w.t)).toEqual(before);
    expect((await auditEntries(w.t, 'authz.denied')).at(-1)!.summary).toMatchObject({ permission: 'org.manage' });

    // People alone are fine for the clerk; an empty org code means the clerk's own unit.
    const peopleOnly = await buildOrgWorkbook({ orgs: [], people: [personCells({ name: '新人', position: '干事' })] });
    expect((await upload(clerk, peopleOnly)).json()).toMatchObject({ peopleCreated: 1 });
    const added = await w.t.ctx.db.selectFrom('person').select('org_id').where('name', '=', '新人').executeTakeFirstOrThrow();
    expect(added.org_id).toBe(await orgIdByCode(w.t, 'D02'));

    const liaison = await demoUser(w.t, 'office');
    expect((await liaison.get('/api/org-excel/template')).statusCode).toBe(403);
    expect((await upload(liaison, peopleOnly)).statusCode).toBe(403);
  });

  it('exports contact details masked to those who may not manage people, and they cannot be imported back', async () => {
    const inspector = await demoUser(w.t, 'inspector');
    const res = await inspector.get('/api/org-excel/export');
    expect(res.statusCode).toBe(200);
    const people = await sheetValues(res.rawPayload, '人员');
    expect(people.find((r) => r[0] === '王建国')?.[3]).toMatch(/^139\*{4}\d{4}$/);
    expect((await auditEntries(w.t, 'org.export'))[0]!.summary).toMatchObject({ contacts: 'masked' });
    const reimport = await upload(w.admin, res.rawPayload);
    expect(reimport.statusCode).toBe(422);
    expect(reimport.json().error.details[0]).toMatchObject({ sheet: '人员', column: '手机', message: expect.stringContaining('脱敏') });
  });

  it('keeps a unit’s import inside its own subtree', async () => {
    const a01 = await orgIdByCode(w.t, 'A01');
    const libraryAdmin = await accountIn(w.t, { orgId: a01, roles: ['sysadmin'] });
    const exported = await sheetValues((await libraryAdmin.get('/api/org-excel/export')).rawPayload, '人员');
    expect(exported.slice(1).map((r) => r[1])).toEqual(['A01', 'A01', 'A01', 'A01']);
    const content = await buildOrgWorkbook({
      orgs: [orgCells({ parentRef: 'D01', name: '越界支部', kind: '党支部' }), orgCells({ name: '改名', code: 'D02' })],
      people: [personCells({ name: '赵文静', orgRef: 'D01', position: '改了' })],
    });
    const before = await orgModuleSnapshot(w.t);
    const res = await upload(libraryAdmin, content);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.map((d: { column: string }) => d.column)).toEqual(['上级组织编码', '组织编码', '所属组织编码']);
    expect(await orgModuleSnapshot(w.t)).toBe(before);
  });
});
