import { beforeAll, describe, expect, it } from 'vitest';
import { attrs, paragraphs, readDocx, styleXml, textOf, type DocxParts } from '../../../test/support/docxXml.ts';
import type { ReportDocument } from './document.ts';
import { buildDocx } from './docx.ts';
import { sampleReportDocument } from './sampleDocument.ts';

const styleFonts = (parts: DocxParts, id: string) => attrs(styleXml(parts.styles, id), 'rFonts');
const styleSize = (parts: DocxParts, id: string) => attrs(styleXml(parts.styles, id), 'sz')?.val;
const paragraphWith = (parts: DocxParts, text: string) => {
  const found = paragraphs(parts.document).find((p) => textOf(p).includes(text));
  if (!found) throw new Error(`no paragraph with "${text}"`);
  return found;
};

describe('buildDocx: the official layout (GB/T 9704-2012) of the sample report', () => {
  let parts: DocxParts;
  beforeAll(async () => {
    parts = await readDocx(await buildDocx(sampleReportDocument()));
  });

  it('sets A4 paper and the standard margins, footer 25.2 mm from the edge', () => {
    expect(attrs(parts.document, 'pgSz')).toMatchObject({ w: '11906', h: '16838' });
    expect(attrs(parts.document, 'pgMar')).toMatchObject({ top: '2098', left: '1588', right: '1474', bottom: '1984', footer: '1431' });
  });

  it('lays 22 lines of 28.95 pt on a lines grid, 28 characters per line by condensing every run by 0.25 pt', () => {
    expect(attrs(parts.document, 'docGrid')).toEqual({ type: 'lines', linePitch: '579', charSpace: '-849' });
    const pPrDefault = /<w:pPrDefault>.*?<\/w:pPrDefault>/.exec(parts.styles)![0];
    expect(attrs(pPrDefault, 'spacing')).toEqual({ after: '0', before: '0', line: '579', lineRule: 'exact' });
    const rPrDefault = /<w:rPrDefault>.*?<\/w:rPrDefault>/.exec(parts.styles)![0];
    expect(attrs(rPrDefault, 'spacing')).toEqual({ val: '-5' });
    expect(attrs(rPrDefault, 'sz')).toEqual({ val: '32' });
    expect(attrs(rPrDefault, 'lang')).toEqual({ val: 'en-US', eastAsia: 'zh-CN' });
    expect(attrs(styleXml(parts.styles, 'Normal'), 'spacing')).toEqual({ val: '-5' });
  });

  it('turns on Chinese line breaking and snapping to the grid, and off widow control and Latin auto-spacing', () => {
    const pPrDefault = /<w:pPrDefault>.*?<\/w:pPrDefault>/.exec(parts.styles)![0];
    for (const [tag, val] of [['widowControl', '0'], ['kinsoku', '1'], ['overflowPunct', '1'], ['autoSpaceDE', '0'], ['autoSpaceDN', '0'], ['snapToGrid', '1']]) {
      expect(attrs(pPrDefault, tag!), tag).toEqual({ val });
    }
    // CT_PPrBase order: Word rejects a file whose pPr children are out of order.
    const order = ['widowControl', 'kinsoku', 'overflowPunct', 'autoSpaceDE', 'autoSpaceDN', 'snapToGrid', 'spacing'];
    const positions = order.map((tag) => pPrDefault.indexOf(`<w:${tag} `));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('sets the body in 3号 仿宋_GB2312 (Latin in Times New Roman), justified, indented two characters', () => {
    const normal = styleXml(parts.styles, 'Normal');
    expect(attrs(normal, 'rFonts')).toEqual({
      ascii: 'Times New Roman',
      cs: 'Times New Roman',
      eastAsia: '仿宋_GB2312',
      hAnsi: 'Times New Roman',
      hint: 'eastAsia',
    });
    expect(attrs(normal, 'sz')?.val).toBe('32');
    expect(attrs(normal, 'ind')).toEqual({ firstLine: '632', firstLineChars: '200' });
    expect(attrs(normal, 'jc')).toEqual({ val: 'both' });
    const opening = paragraphWith(parts, '现将一年来的意识形态工作情况报告如下');
    expect(opening).not.toContain('<w:pStyle');
    expect(opening).not.toContain('<w:rPr>');
  });

  it('sets the title in 2号 方正小标宋简体, centred, off the grid, lines broken where the title says, a blank line below', () => {
    expect(styleFonts(parts, 'ReportTitle')).toMatchObject({ eastAsia: '方正小标宋简体', ascii: '方正小标宋简体' });
    expect(styleSize(parts, 'ReportTitle')).toBe('44');
    const title = styleXml(parts.styles, 'ReportTitle');
    expect(attrs(title, 'jc')).toEqual({ val: 'center' });
    expect(attrs(title, 'ind')).toEqual({ firstLine: '0', firstLineChars: '0' });
    expect(attrs(title, 'snapToGrid')).toEqual({ val: '0' });
    const [first, second, third] = paragraphs(parts.document);
    expect(first).toContain('<w:pStyle w:val="ReportTitle"/>');
    expect(first).toContain('<w:br/>');
    expect(textOf(first!)).toBe('市城市管理局党组关于2022年度意识形态工作责任制落实情况的报告');
    expect(second).toBe('<w:p/>');
    expect(textOf(third!)).toBe('市委宣传部：');
  });

  it('sets the addressee flush left with a full-width colon', () => {
    const addressee = styleXml(parts.styles, 'ReportAddressee');
    expect(attrs(addressee, 'jc')).toEqual({ val: 'left' });
    expect(attrs(addressee, 'ind')).toEqual({ firstLine: '0', firstLineChars: '0' });
  });

  it('sets headings in 黑体, 楷体_GB2312, 仿宋_GB2312, all 3号, with outline levels', () => {
    const expected = { 1: '黑体', 2: '楷体_GB2312', 3: '仿宋_GB2312', 4: '仿宋_GB2312' } as const;
    for (const [level, font] of Object.entries(expected)) {
      const id = `ReportHeading${level}`;
      expect(styleFonts(parts, id)?.eastAsia, id).toBe(font);
      expect(styleSize(parts, id), id).toBe('32');
      expect(attrs(styleXml(parts.styles, id), 'outlineLvl'), id).toEqual({ val: String(Number(level) - 1) });
    }
    expect(textOf(paragraphWith(parts, '工作开展情况'))).toBe('一、工作开展情况');
    expect(paragraphWith(parts, '工作开展情况')).toContain('<w:pStyle w:val="ReportHeading1"/>');
    expect(paragraphWith(parts, '（2）壮大正面声音。')).toContain('<w:pStyle w:val="ReportHeading4"/>');
  });

  it('sets a run-in heading in its font and the body after it in 仿宋, in one paragraph', () => {
    const runIn = paragraphWith(parts, '（一）强化组织领导，压实工作责任。把意识形态工作');
    expect(runIn).toContain('<w:pStyle w:val="ReportHeading2"/>');
    const runs = [...runIn.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => m[1]!);
    expect(textOf(runs[0]!) + textOf(runs[1]!)).toBe('（一）强化组织领导，压实工作责任。');
    expect(runs[0]).not.toContain('<w:rFonts');
    const body = runs.slice(2);
    expect(body.length).toBeGreaterThan(0);
    for (const run of body) {
      expect(attrs(run, 'rFonts')?.eastAsia).toBe('仿宋_GB2312');
      expect(attrs(run, 'sz')?.val).toBe('32');
    }
    // The figure drafting split into its own run prints as part of the sentence.
    expect(textOf(runIn)).toContain('局党组先后4次专题研究意识形态工作');
  });

  it('writes the attachments note a blank line below the body, two characters in, names aligned', () => {
    const all = paragraphs(parts.document);
    const first = all.findIndex((p) => textOf(p).startsWith('附件：'));
    expect(all[first - 1]).toBe('<w:p/>');
    expect(textOf(all[first]!)).toBe('附件：1．2022年度意识形态工作责任清单落实情况表');
    expect(textOf(all[first + 1]!)).toBe('2．2022年度意识形态领域风险隐患排查台账');
    // Names start 6.5 characters in (2 + "附件：" + "1．"); the first line starts at 2, the second at its number.
    expect(attrs(all[first]!, 'ind')).toEqual({ left: '2053', hanging: '1421' });
    expect(attrs(all[first + 1]!, 'ind')).toEqual({ left: '2053', hanging: '474' });
  });

  it('signs with the name set right and the date below it, 2023年1月10日 without leading zeros', () => {
    const all = paragraphs(parts.document);
    const name = all.findIndex((p) => textOf(p) === '市城市管理局党组');
    expect(all[name - 1]).toBe('<w:p/>');
    expect(textOf(all[name + 1]!)).toBe('2023年1月10日');
    // The date (6.5 characters) is longer than the name (8) allows: it keeps the two-character
    // indent and the name moves left to start two characters before it.
    expect(attrs(all[name]!, 'ind')).toEqual({ right: '790' });
    expect(attrs(all[name]!, 'jc')).toEqual({ val: 'right' });
    expect(all[name]).toContain('<w:keepNext/>');
    expect(attrs(all[name + 1]!, 'ind')).toEqual({ right: '632' });
    expect(all.at(-1)).toBe(all[name + 1]);
  });

  it('numbers pages "— N —" in 4号 宋体: odd pages right, even pages left, one character in', () => {
    expect(parts.settings).toContain('<w:evenAndOddHeaders/>');
    expect(Object.keys(parts.footers).sort()).toEqual(['default', 'even']);
    const sides = { default: ['right', { right: '280' }], even: ['left', { left: '280' }] } as const;
    for (const [type, [side, indent]] of Object.entries(sides)) {
      const footer = parts.footers[type]!;
      expect(footer).toContain('<w:pStyle w:val="ReportPageNumber"/>');
      expect(attrs(footer, 'jc'), type).toEqual({ val: side });
      expect(attrs(footer, 'ind'), type).toEqual(indent);
      expect(footer).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*<w:fldChar w:fldCharType="begin"\/>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>.*<w:t xml:space="preserve"> —<\/w:t>/);
    }
    const pageNumber = styleXml(parts.styles, 'ReportPageNumber');
    expect(attrs(pageNumber, 'rFonts')).toMatchObject({ eastAsia: '宋体', ascii: '宋体' });
    expect(attrs(pageNumber, 'sz')?.val).toBe('28');
    expect(attrs(pageNumber, 'snapToGrid')).toEqual({ val: '0' });
  });

  it('lists the office fonts with the names Windows has, for substitution', () => {
    expect(parts.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(parts.fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(parts.fontTable).toContain('<w:font w:name="方正小标宋简体">');
  });

  it('names the file after the title', () => {
    expect(parts.core).toContain('<dc:title>市城市管理局党组关于2022年度 意识形态工作责任制落实情况的报告</dc:title>');
  });
});

describe('buildDocx: text as it comes', () => {
  const bare = (over: Partial<ReportDocument>): ReportDocument => ({ title: null, blocks: [], ...over });
  const bodyOf = async (doc: ReportDocument) => (await readDocx(await buildDocx(doc))).document;

  it('prints markup as literal text', async () => {
    const hostile = '<script>alert("x")</script> & <w:p/> ]]> \'';
    const xml = await bodyOf(bare({ title: hostile, addressee: '<b>主送</b>', blocks: [{ kind: 'paragraph', text: hostile }], attachments: [hostile] }));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('&lt;script&gt;alert(');
    expect(xml).toContain('&amp; &lt;w:p/&gt;');
    expect(paragraphs(xml).filter((p) => textOf(p).includes('&lt;script&gt;'))).toHaveLength(3);
  });

  it('drops control characters that XML cannot hold, and turns tabs and line breaks into spaces', async () => {
    const xml = await bodyOf(bare({ blocks: [{ kind: 'paragraph', text: '第一\u0000段\u0007落\u001b\t继续\r\n下一行\uFFFF\uD800' }] }));
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFF]|[\uD800-\uDFFF]/);
    expect(textOf(paragraphs(xml)[0]!)).toBe('第一段落 继续 下一行');
  });

  it('trims pasted indents and stray spaces, and leaves out empty paragraphs', async () => {
    const xml = await bodyOf(
      bare({
        blocks: [
          { kind: 'paragraph', text: '\u3000\u3000正文开头。  ' },
          { kind: 'paragraph', text: ' \u3000 ' },
          { kind: 'paragraph', text: [{ text: '  ' }, { text: '分' }, { text: '段。 ' }] },
        ],
      }),
    );
    expect(paragraphs(xml).map(textOf)).toEqual(['正文开头。', '分段。']);
  });

  it('lays out runs exactly like the same text as one string', async () => {
    const asString = await bodyOf(bare({ blocks: [{ kind: 'paragraph', text: '召开会议4次。' }] }));
    const asRuns = await bodyOf(bare({ blocks: [{ kind: 'paragraph', text: [{ text: '召开会议' }, { text: '4' }, { text: '次。' }] }] }));
    const props = (xml: string) => paragraphs(xml).map((p) => p.replace(/<w:r>.*?<\/w:r>/g, ''));
    expect(props(asRuns)).toEqual(props(asString));
    expect(paragraphs(asRuns).map(textOf)).toEqual(paragraphs(asString).map(textOf));
  });

  it('ends a run-in heading with 。 when it has no closing punctuation', async () => {
    const xml = await bodyOf(
      bare({
        blocks: [
          { kind: 'heading', level: 2, marker: '（一）', text: '加强组织领导', body: '把意识形态工作摆在重要位置。' },
          { kind: 'heading', level: 3, marker: '1.', text: '强化学习？', body: '坚持“第一议题”。' },
          { kind: 'heading', level: 1, marker: '二、', text: '存在问题', body: '' },
        ],
      }),
    );
    expect(paragraphs(xml).map(textOf)).toEqual(['（一）加强组织领导。把意识形态工作摆在重要位置。', '1.强化学习？坚持“第一议题”。', '二、存在问题']);
  });

  it('adds the colon to an addressee once, and a single attachment goes unnumbered', async () => {
    const xml = await bodyOf(bare({ addressee: '各党支部:', attachments: ['工作台账。'] }));
    expect(paragraphs(xml).map(textOf)).toEqual(['各党支部：', '', '附件：工作台账']);
    expect(attrs(paragraphs(xml)[2]!, 'ind')).toEqual({ left: '1579', hanging: '948' });
  });

  it('keeps names aligned from ten attachments on: the first name reaches the hanging indent by a tab', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `台账${i + 1}`);
    const lines = paragraphs(await bodyOf(bare({ attachments: names }))).slice(1);
    expect(lines.map(textOf)).toEqual(names.map((n, i) => `${i === 0 ? '附件：' : ''}${i + 1}．${n}`));
    // Names start 7 characters in: 2 + "附件：" (3) + the widest number "10．" (2).
    expect(attrs(lines[0]!, 'ind')).toEqual({ left: '2211', hanging: '1579' });
    expect(lines[0]).toMatch(/附件：1．<\/w:t><w:tab\/><w:t xml:space="preserve">台账1</);
    expect(attrs(lines[1]!, 'ind')).toEqual({ left: '2211', hanging: '474' });
    expect(attrs(lines[9]!, 'ind')).toEqual({ left: '2211', hanging: '632' });
    expect(lines[1]).not.toContain('<w:tab/>');
  });

  it('signs a short name with the date under it, the date placed by its first character', async () => {
    const xml = await bodyOf(bare({ blocks: [{ kind: 'paragraph', text: '正文。' }], signature: { org: '中共示范市城市管理局委员会', date: '2024-01-05' } }));
    const [, blank, name, date] = paragraphs(xml);
    expect(blank).toBe('<w:p/>');
    expect(textOf(name!)).toBe('中共示范市城市管理局委员会');
    expect(attrs(name!, 'ind')).toEqual({ right: '632' });
    expect(textOf(date!)).toBe('2024年1月5日');
    // 13 characters of name end two characters from the right: the date starts 28 − 13 = 15 in.
    expect(attrs(date!, 'jc')).toEqual({ val: 'left' });
    expect(attrs(date!, 'ind')).toEqual({ left: '4738' });
  });

  it('builds an empty document', async () => {
    const xml = await bodyOf(bare({}));
    expect(paragraphs(xml)).toEqual(['<w:p/>']);
  });

  it('refuses a date of issue that does not exist', async () => {
    await expect(buildDocx(bare({ signature: { org: '某单位', date: '2023-02-30' } }))).rejects.toThrow(/does not exist/);
  });
});
