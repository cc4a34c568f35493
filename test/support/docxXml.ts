import JSZip from 'jszip';

/**
 * Reading a generated DOCX in tests: its XML parts as strings, and small queries on them. Regexes
 * suffice because the docx package writes compact XML with attributes in a fixed form.
 */
export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  core: string;
  /** Footer parts by the type their reference in sectPr gives them (default, even). */
  footers: Record<string, string>;
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`DOCX has no part ${name}`);
    return file.async('string');
  };
  const document = await part('word/document.xml');
  const rels = await part('word/_rels/document.xml.rels');
  const footers: Record<string, string> = {};
  for (const [, type, id] of document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    const path = target?.[1] ?? target?.[2];
    if (path) footers[type!] = await part(`word/${path}`);
  }
  return {
    document,
    styles: await part('word/styles.xml'),
    settings: await part('word/settings.xml'),
    fontTable: await part('word/fontTable.xml'),
    core: await part('docProps/core.xml'),
    footers,
  };
}

/** The body's paragraphs in order, empty ones (`<w:p/>`) included. */
export function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p\/>|<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((m) => m[0]);
}

/** The text of a paragraph (or any fragment): its w:t contents joined, XML entities left as written. */
export function textOf(fragment: string): string {
  return [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** One style's XML by its id. */
export function styleXml(stylesXml: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(stylesXml);
  if (!match) throw new Error(`no style ${id}`);
  return match[0];
}

/** The attributes of the first `<w:tag …>` in a fragment, as a record (prefixes dropped). */
export function attrs(fragment: string, tag: string): Record<string, string> | null {
  const match = new RegExp(`<w:${tag}((?: [\\w:]+="[^"]*")*)\\s*/?>`).exec(fragment);
  if (!match) return null;
  return Object.fromEntries([...match[1]!.matchAll(/ (?:\w+:)?(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}
