import JSZip from 'jszip';
import { FONT } from './layout.ts';
import { STYLE } from './styles.ts';

/**
 * Small edits to the XML the docx package writes, for what it has no option for. Each edit finds a
 * fixed anchor and fails loudly when the anchor is missing (a docx upgrade changed its output), so
 * the official layout never silently loses a setting.
 */

function replaceOnce(xml: string, anchor: string | RegExp, replacement: string, what: string): string {
  const found = typeof anchor === 'string' ? xml.includes(anchor) : anchor.test(xml);
  if (!found) throw new Error(`DOCX patch "${what}": anchor not found; check the docx package's output`);
  return xml.replace(anchor, replacement);
}

/**
 * Children of w:pPr that come after w:snapToGrid in CT_PPrBase's fixed order: an element inserted
 * before the first of them lands where Word's schema wants it.
 */
const AFTER_SNAP_TO_GRID = /<w:(?:spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)[ />]|<\/w:pPr>/;

/** Takes a paragraph style off the grid: its own line height counts, not the grid's rows. */
function offGrid(xml: string, styleId: string): string {
  const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${styleId}">.*?</w:style>`);
  const found = style.exec(xml);
  if (!found) throw new Error(`DOCX patch: style ${styleId} not found; check the docx package's output`);
  const pPrAt = found[0].indexOf('<w:pPr>');
  if (pPrAt === -1) throw new Error(`DOCX patch: style ${styleId} has no paragraph properties`);
  const rest = found[0].slice(pPrAt);
  const at = pPrAt + rest.search(AFTER_SNAP_TO_GRID);
  const patched = `${found[0].slice(0, at)}<w:snapToGrid w:val="0"/>${found[0].slice(at)}`;
  return xml.replace(found[0], () => patched);
}

/**
 * styles.xml, paragraph defaults (in CT_PPrBase order, before w:spacing): no widow/orphan control,
 * so every full page has its 22 lines; Chinese line breaking (kinsoku: closing punctuation never
 * starts a line); punctuation may hang past the margin; no extra space between Chinese and Latin
 * letters or digits (autoSpaceDE/DN), which would break the 28-character count and the date's
 * alignment under the signature; lines snap to the grid.
 * Then two styles off the grid: the title, whose 22 pt lines would take two 28.95 pt rows each in
 * LibreOffice (its exact line height keeps it at one row in Word too), and the page number, which
 * sits in the footer, outside the text block the grid is for.
 */
function patchStyles(xml: string): string {
  const defaults = replaceOnce(
    xml,
    '<w:pPrDefault><w:pPr><w:spacing ',
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:kinsoku w:val="1"/><w:overflowPunct w:val="1"/>' +
      '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="1"/><w:spacing ',
    'paragraph defaults',
  );
  return offGrid(offGrid(defaults, STYLE.title), STYLE.pageNumber);
}

/**
 * fontTable.xml: the office fonts with their GB2312 charset and the names Windows has today
 * (仿宋_GB2312 and 楷体_GB2312 are add-ons; Windows ships 仿宋 and 楷体). Word substitutes a missing font
 * from this table, so a PC without the _GB2312 fonts still shows 仿宋 rather than a Latin default.
 */
const FONT_TABLE_ENTRIES: ReadonlyArray<{ name: string; altName: string | null; family: string; pitch: string }> = [
  { name: FONT.fangsong, altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: FONT.kaiti, altName: '楷体', family: 'modern', pitch: 'fixed' },
  { name: FONT.heiti, altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  { name: FONT.songti, altName: 'SimSun', family: 'auto', pitch: 'variable' },
  { name: FONT.xiaobiaosong, altName: null, family: 'script', pitch: 'variable' },
];

function patchFontTable(xml: string): string {
  const fonts = FONT_TABLE_ENTRIES.map(
    (f) =>
      `<w:font w:name="${f.name}">${f.altName ? `<w:altName w:val="${f.altName}"/>` : ''}` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return replaceOnce(xml, /<w:fonts ([^>]*)\/>$/, `<w:fonts $1>${fonts}</w:fonts>`, 'font table');
}

const PATCHES: ReadonlyArray<[part: string, patch: (xml: string) => string]> = [
  ['word/styles.xml', patchStyles],
  ['word/fontTable.xml', patchFontTable],
];

export async function patchDocx(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const [part, patch] of PATCHES) {
    const file = zip.file(part);
    if (!file) throw new Error(`DOCX patch: part ${part} is missing`);
    zip.file(part, patch(await file.async('string')));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
