import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../../core/report/template.ts';
import { MAX_REPORT_CHARS, reportText } from './reportFile.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/reports');
const SAMPLE = fs.readFileSync(path.join(FIXTURES, '003_42f62713737a6758.txt'), 'utf8');

/** The code of the 422 a read throws. */
async function failure(bytes: Buffer, name?: string): Promise<string> {
  try {
    await reportText(bytes, name);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'none';
}

describe('text reports', () => {
  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with one', async () => {
    expect(await reportText(Buffer.from(SAMPLE, 'utf8'))).toBe(SAMPLE);
    expect(await reportText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]))).toBe(SAMPLE);
    expect(await reportText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]))).toBe(SAMPLE);
  });

  it('reads GB18030 (as Notepad on a Chinese Windows saves it) into the same outline and placeholders', async () => {
    const text = await reportText(fs.readFileSync(path.join(FIXTURES, 'gb18030.txt')));
    const imported = importTemplate(text);
    expect(imported.title).toBe('关于2022年意识形态工作情况的报告');
    expect(imported.signature).toEqual({ org: 'XX局党组', date: '2023年1月10日' });
    expect(imported.sections.map((s) => [s.marker, s.heading, s.children.length])).toEqual([
      ['一、', '工作开展情况', 1],
      ['二、', '存在问题', 2],
    ]);
    expect(imported.placeholders.map((p) => [p.text, p.kind, p.unit])).toEqual([
      ['**', 'number', '次'],
      ['**', 'number', '余篇'],
      ['XX', 'name', null],
    ]);
  });

  it('refuses binary files, old .doc files and a .docx that is not one', async () => {
    expect(await failure(Buffer.from([0x50, 0x00, 0x01, 0xff, 0xfe, 0x00]))).toBe('REPORT_NOT_TEXT');
    expect(await failure(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.doc')).toBe('REPORT_OLD_DOC');
    expect(await failure(Buffer.from('一、工作开展情况', 'utf8'), 'report.docx')).toBe('REPORT_NOT_DOCX');
  });

  it('refuses a text far too long to be a report', async () => {
    expect(await failure(Buffer.from('召开会议*次。'.repeat(MAX_REPORT_CHARS / 7 + 1), 'utf8'))).toBe('REPORT_TOO_LARGE');
  });
});

/** A .docx made as Word makes it: a title, automatic list numbering for 一、 and （一）, tabs and breaks. */
async function buildDocx(): Promise<Buffer> {
  const outline = (level: number) => ({ reference: 'outline', level });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '关于2022年意识形态工作情况的报告', alignment: AlignmentType.CENTER }),
          new Paragraph({ text: '2022年，局党组认真落实意识形态工作责任制。现将有关情况报告如下：' }),
          new Paragraph({ text: '工作开展情况', numbering: outline(0) }),
          new Paragraph({
            numbering: outline(1),
            children: [new TextRun('强化理论武装。'), new TextRun('一是带头学，召开中心组学习会'), new TextRun({ text: '**', bold: true }), new TextRun('次。二是分享学。')],
          }),
          new Paragraph({ numbering: outline(1), tabStops: [{ type: TabStopType.LEFT, position: 2000 }], children: [new TextRun({ children: ['强化', new Tab(), '阵地建设'] })] }),
          new Paragraph({ text: '存在问题', numbering: outline(0) }),
          new Paragraph({ children: [new TextRun('一是学习不够深入&“系统”<化>；'), new TextRun({ text: '二是阵地管理有待加强。', break: 1 })] }),
          new Paragraph({ text: 'XX局党组' }),
          new Paragraph({ text: '2023年1月10日' }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('Word reports', () => {
  it('reads paragraphs with their runs, tabs, breaks and automatic numbering', async () => {
    expect((await reportText(await buildDocx(), 'report.docx')).split('\n')).toEqual([
      '关于2022年意识形态工作情况的报告',
      '2022年，局党组认真落实意识形态工作责任制。现将有关情况报告如下：',
      '一、工作开展情况',
      '（一）强化理论武装。一是带头学，召开中心组学习会**次。二是分享学。',
      '（二）强化 阵地建设',
      '二、存在问题',
      '一是学习不够深入&“系统”<化>；',
      '二是阵地管理有待加强。',
      'XX局党组',
      '2023年1月10日',
    ]);
  });

  it('imports a built .docx into its outline', async () => {
    const imported = importTemplate(await reportText(await buildDocx()));
    expect(imported.title).toBe('关于2022年意识形态工作情况的报告');
    expect(imported.signature).toEqual({ org: 'XX局党组', date: '2023年1月10日' });
    expect(imported.sections).toEqual([
      {
        marker: '一、',
        heading: '工作开展情况',
        children: [
          { marker: '（一）', heading: '强化理论武装', children: [{ marker: '一是', heading: '带头学，召开中心组学习会**次', children: [] }, { marker: '二是', heading: '分享学', children: [] }] },
          { marker: '（二）', heading: '强化 阵地建设', children: [] },
        ],
      },
      { marker: '二、', heading: '存在问题', children: [{ marker: '一是', heading: '学习不够深入&“系统”<化>', children: [] }, { marker: '二是', heading: '阵地管理有待加强', children: [] }] },
    ]);
  });

  it('refuses an archive without a document, and a part that inflates beyond the limit', async () => {
    const workbook = new JSZip().file('xl/workbook.xml', '<workbook/>');
    expect(await failure(await workbook.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toBe('REPORT_NOT_DOCX');
    const bomb = new JSZip().file('word/document.xml', '<w:document>'.padEnd(60 * 1024 * 1024, ' '));
    expect(await failure(await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toBe('REPORT_TOO_LARGE');
  });
});
