import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PACK_FILES } from '../../../core/pack/files.ts';
import { parsePath, type PathSegment } from '../../../core/pack/problemPath.ts';
import { MetricDef, Pack, PackId, PackManifest, type PackProblem, RecordTypeDef, RuleDef } from '../../../core/pack/schema.ts';
import { validatePack } from '../../../core/pack/validate.ts';
import { normalizeTemplate, type ReportTemplate, ReportTemplateInput } from '../../../core/report/templateModel.ts';
import { zodProblems } from '../../../core/pack/zodProblems.ts';
import { parseYaml, type YamlSource } from './yamlSource.ts';

// Reads a pack folder (layout in core/pack/files.ts, docs/packs.md): every YAML file parsed with
// positions, each part checked against its zod schema, then the whole pack's cross-references.
// Problems name the file, the path inside it and, where known, the line.

// The messages reach pack authors through the CLI and the UI: Chinese, as in the app.
z.config(z.locales.zhCN());

/** The ids a pack folder declares, as far as they could be read: what `lvzhi pack check` lists. */
export interface PackOutline {
  id: string | null;
  recordTypes: string[];
  rules: string[];
  metrics: string[];
  templates: string[];
}

export interface LoadedPack {
  /** The validated pack; null whenever there is a problem. */
  pack: Pack | null;
  problems: PackProblem[];
  outline: PackOutline;
}

const TOP_LEVEL = new Set<string>([PACK_FILES.manifest, PACK_FILES.rules, PACK_FILES.metrics, PACK_FILES.duties, PACK_FILES.recordTypesDir, PACK_FILES.templatesDir]);
/** Larger files are refused unread: a pack is a few hundred kilobytes of YAML at most. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The string ids of the objects in `data` (a list, or one object), for the outline. */
function idsOf(data: unknown): string[] {
  const items = Array.isArray(data) ? data : [data];
  return items.flatMap((item: unknown) => {
    const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [id] : [];
  });
}

/** Reads the pack folder's files, collecting problems and the parsed sources for positions. */
class FolderReader {
  readonly problems: PackProblem[] = [];
  private readonly sources = new Map<string, { source: YamlSource; prefix: number }>();

  constructor(private readonly dir: string) {}

  /** Parsed content of `file`; undefined when absent (a problem if required) or unreadable. */
  read(file: string, opts: { required?: boolean; prefix?: number } = {}): { data: unknown } | undefined {
    const full = path.join(this.dir, file);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      if (stat || opts.required) this.problems.push({ file, path: '', message: stat ? '应为文件，而不是目录' : `缺少 ${file}` });
      return undefined;
    }
    if (stat.size > MAX_FILE_BYTES) return void this.problems.push({ file, path: '', message: `文件过大（超过 ${MAX_FILE_BYTES / 1024 / 1024} MB）` });
    const { source, problems } = parseYaml(file, fs.readFileSync(full, 'utf8'));
    this.problems.push(...problems);
    if (!source) return undefined;
    this.sources.set(file, { source, prefix: opts.prefix ?? 0 });
    return { data: source.data };
  }

  /** Entry names of a sub-folder (dotfiles skipped), sorted; empty when it does not exist. */
  list(folder: string): string[] {
    const full = path.join(this.dir, folder);
    if (!fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) return [];
    return fs.readdirSync(full).filter((name) => !name.startsWith('.')).sort();
  }

  /** Parses `data` with `schema`, recording its problems against `file`. */
  parse<T extends z.ZodType>(schema: T, data: unknown, file: string, prefix: PathSegment[] = []): z.output<T> | undefined {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    this.problems.push(...zodProblems(result.error, file, data, prefix));
    return undefined;
  }

  /** The problems with the line and column of the YAML node each one names. */
  located(problems: readonly PackProblem[]): PackProblem[] {
    return problems.map((problem) => {
      const entry = problem.line === undefined ? this.sources.get(problem.file) : undefined;
      const at = entry?.source.locate(parsePath(problem.path).slice(entry.prefix));
      return at ? { ...problem, ...at } : problem;
    });
  }
}

function checkTopLevel(reader: FolderReader, dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.') || name.endsWith('.md') || TOP_LEVEL.has(name)) continue;
    reader.problems.push({ file: name, path: '', message: `未知文件（制度包目录中只能有 ${[...TOP_LEVEL].join('、')} 和说明文档 *.md）` });
  }
}

/** Record types, one per file; `undefined` for a file that did not parse. */
function readRecordTypes(reader: FolderReader, outline: PackOutline): { types: (RecordTypeDef | undefined)[]; files: string[] } {
  const types: (RecordTypeDef | undefined)[] = [];
  const files: string[] = [];
  for (const name of reader.list(PACK_FILES.recordTypesDir)) {
    const file = `${PACK_FILES.recordTypesDir}/${name}`;
    if (!name.endsWith('.yaml')) {
      reader.problems.push({ file, path: '', message: '记录类型文件须以 .yaml 结尾' });
      continue;
    }
    const read = reader.read(file);
    outline.recordTypes.push(...idsOf(read?.data));
    files.push(file);
    types.push(read && reader.parse(RecordTypeDef, read.data, file));
  }
  if (files.length === 0) reader.problems.push({ file: PACK_FILES.recordTypesDir, path: '', message: '至少须定义一个记录类型（record-types/<id>.yaml）' });
  return { types, files };
}

/** Report templates, one per file, named after their id; `undefined` for a file that did not parse. */
function readTemplates(reader: FolderReader, outline: PackOutline): (ReportTemplate | undefined)[] {
  const seen = new Set<string>();
  return reader.list(PACK_FILES.templatesDir).map((name) => {
    const id = path.parse(name).name;
    const file = `${PACK_FILES.templatesDir}/${name}`;
    outline.templates.push(id);
    if (!PackId.safeParse(id).success) return void reader.problems.push({ file, path: '', message: '模板文件名须为小写字母开头的小写字母、数字或下划线' });
    if (seen.has(id)) return void reader.problems.push({ file, path: '', message: `模板 id“${id}”重复` });
    seen.add(id);
    if (!name.endsWith('.yaml')) return void reader.problems.push({ file, path: '', message: '模板文件须以 .yaml 结尾' });
    const read = reader.read(file);
    const parsed = read && reader.parse(ReportTemplateInput, read.data, file);
    if (parsed?.id !== undefined && parsed.id !== id) return void reader.problems.push({ file, path: 'id', message: `模板 id 须与文件名“${id}”一致` });
    return parsed && normalizeTemplate(id, parsed);
  });
}

/** An optional file holding one section (a list or a map); absent or empty means `empty`. */
function readSection<T extends z.ZodType>(reader: FolderReader, file: string, name: string, schema: T, empty: unknown): { raw: unknown; value: z.output<T> | undefined } {
  const raw = reader.read(file, { prefix: 1 })?.data ?? empty;
  return { raw, value: reader.parse(schema, raw, file, [name]) };
}

/** Reads and validates the pack in `dir`. Never throws for a bad pack: everything wrong is a problem. */
export function loadPackDir(dir: string): LoadedPack {
  const outline: PackOutline = { id: null, recordTypes: [], rules: [], metrics: [], templates: [] };
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    return { pack: null, problems: [{ file: '', path: '', message: `制度包目录不存在：${dir}` }], outline };
  }
  const reader = new FolderReader(dir);
  checkTopLevel(reader, dir);

  const manifestData = reader.read(PACK_FILES.manifest, { required: true })?.data;
  const manifest = manifestData === undefined ? undefined : reader.parse(PackManifest, manifestData, PACK_FILES.manifest);
  outline.id = idsOf(manifestData)[0] ?? null;

  const recordTypes = readRecordTypes(reader, outline);
  const rules = readSection(reader, PACK_FILES.rules, 'rules', z.array(RuleDef), []);
  const metrics = readSection(reader, PACK_FILES.metrics, 'metrics', z.array(MetricDef), []);
  const duties = readSection(reader, PACK_FILES.duties, 'duties', Pack.shape.duties, {}).value;
  outline.rules = idsOf(rules.raw);
  outline.metrics = idsOf(metrics.raw);
  const templates = readTemplates(reader, outline);

  const types = recordTypes.types;
  if (reader.problems.length > 0 || !manifest || !rules.value || !metrics.value || !duties || types.some((t) => t === undefined) || templates.some((t) => t === undefined)) {
    return { pack: null, problems: reader.located(reader.problems), outline };
  }
  const pack: Pack = { ...manifest, recordTypes: types as RecordTypeDef[], rules: rules.value, metrics: metrics.value, duties, templates: templates as ReportTemplate[] };
  const problems = reader.located(validatePack(pack, { recordTypeFiles: recordTypes.files }));
  return { pack: problems.length === 0 ? pack : null, problems, outline };
}
