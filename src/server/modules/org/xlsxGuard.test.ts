import { describe, expect, it } from 'vitest';
import { buildOrgWorkbook } from './orgExcel.workbook.ts';
import { assertXlsx } from './xlsxGuard.ts';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('assertXlsx', () => {
  it('accepts a genuine workbook and refuses other bytes whatever the file is called', async () => {
    const workbook = await buildOrgWorkbook({ orgs: [], people: [] });
    expect(codeOf(() => assertXlsx(workbook))).toBeUndefined();
    expect(codeOf(() => assertXlsx(Buffer.from('%PDF-1.7 not a workbook at all, just some bytes')))).toBe('NOT_XLSX');
    expect(codeOf(() => assertXlsx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, ...Buffer.alloc(60)])))).toBe('NOT_XLSX'); // legacy .xls
    expect(codeOf(() => assertXlsx(workbook.subarray(0, workbook.length - 30)))).toBe('NOT_XLSX'); // truncated
  });

  it('refuses an archive that declares more content than any workbook needs', async () => {
    const workbook = Buffer.from(await buildOrgWorkbook({ orgs: [], people: [] }));
    const central = workbook.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    workbook.writeUInt32LE(0xfffffff0, central + 24);
    expect(codeOf(() => assertXlsx(workbook))).toBe('XLSX_TOO_LARGE');
  });
});
