import type { ImportError, SheetRow } from '../org/importTypes.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../org/kinds.ts';
import type { FieldDef, RecordTypeDef } from '../pack/schema.ts';
import { normalizeDateText } from './dates.ts';
import { BOOLEAN_LABELS, fieldKey, isImportable, MULTI_SEPARATOR, type RecordColumn, recordSheet } from './excelLayout.ts';
import { appliesToKind, checkFields, type FieldValues, searchTextOf } from './fields.ts';

// Plans an Excel import of one record type: every cell is checked against the pack and resolved
// against what the importer may see (orgs by code or name, people by name within the record's org
// subtree), and every problem is reported with its row, column and reason. Pure: the snapshot is
// loaded beforehand, so the check costs no query per row.

export interface ImportOrg {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  path: string;
  active: boolean;
}

export interface ImportPerson {
  id: string;
  name: string;
  /** Path of the person's org. */
  orgPath: string;
}

export interface RecordImportSnapshot {
  /** The importer's org: rows naming no org belong to it. */
  homeOrgId: string;
  /** Every org in the importer's scope. */
  orgs: readonly ImportOrg[];
  /** Every person in the importer's scope. */
  people: readonly ImportPerson[];
}

export type RecordSheetRow = SheetRow<RecordColumn>;

export interface PlannedRecord {
  row: number;
  orgId: string;
  title: string;
  occurredOn: string;
  values: FieldValues;
  searchText: string;
}

const TITLE_MAX = 200;
/** How people write yes and no in a spreadsheet; anything else is refused by the field check. */
const YES = new Set([BOOLEAN_LABELS.yes, 'true', 'TRUE', '1', 'Y', 'y', '√']);
const NO = new Set([BOOLEAN_LABELS.no, 'false', 'FALSE', '0', 'N', 'n', '×']);
/** Excel's day 0 for serial dates (1900 date system, including its leap-year quirk). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell: YYYY-MM-DD and its spreadsheet spellings, or an Excel serial day number. */
export function cellDate(text: string): string | null {
  if (/^\d{1,6}$/.test(text) && Number(text) > 0) return new Date(EXCEL_EPOCH + Number(text) * 86_400_000).toISOString().slice(0, 10);
  return normalizeDateText(text);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

type Resolved<T> = { value: T } | { error: string };

function lookups(snapshot: RecordImportSnapshot) {
  const byCode = new Map(snapshot.orgs.filter((o) => o.code).map((o) => [o.code!, o]));
  const byName = groupBy(snapshot.orgs, (o) => o.name);
  const byId = new Map(snapshot.orgs.map((o) => [o.id, o]));
  const peopleByName = groupBy(snapshot.people, (p) => p.name);

  const org = (text: string): Resolved<ImportOrg> => {
    const code = byCode.get(text);
    if (code) return { value: code };
    const named = byName.get(text) ?? [];
    if (named.length === 1) return { value: named[0]! };
    if (named.length > 1) return { error: `有${named.length}个名为“${text}”的组织，请填写组织编码` };
    return { error: `组织“${text}”不存在或不在管辖范围内` };
  };
  const person = (name: string, within: ImportOrg): Resolved<string> => {
    const found = (peopleByName.get(name) ?? []).filter((p) => p.orgPath.startsWith(within.path));
    if (found.length === 1) return { value: found[0]!.id };
    if (found.length > 1) return { error: `“${within.name}”及其下级组织中有${found.length}名叫“${name}”的人员，无法区分，请在系统中录入` };
    return { error: `“${within.name}”及其下级组织中没有名叫“${name}”的人员` };
  };
  return { org, person, home: byId.get(snapshot.homeOrgId) };
}

type Lookups = ReturnType<typeof lookups>;

/** A cell as the value the field check expects; names and labels resolved, or an error. */
function cellValue(def: FieldDef, text: string, rowOrg: ImportOrg | null, look: Lookups): Resolved<unknown> {
  const items = def.multiple ? text.split(MULTI_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '') : [text];
  const each = (fn: (item: string) => Resolved<unknown>): Resolved<unknown> => {
    const out: unknown[] = [];
    for (const item of items) {
      const r = fn(item);
      if ('error' in r) return r;
      out.push(r.value);
    }
    return { value: def.multiple ? out : out[0] };
  };
  switch (def.type) {
    case 'number':
      return { value: /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text };
    case 'date':
      return { value: cellDate(text) ?? text };
    case 'boolean':
      return { value: YES.has(text) ? true : NO.has(text) ? false : text };
    case 'choice':
      // Labels as the template's drop-down offers them; the stored values are accepted too.
      return each((item) => ({ value: def.options?.find((o) => o.label === item)?.value ?? item }));
    case 'people':
      return each((name) => (rowOrg ? look.person(name, rowOrg) : { error: '请先填写有效的所属组织' }));
    case 'org':
      return each((ref) => {
        const r = look.org(ref);
        return 'error' in r ? r : { value: r.value.id };
      });
    default:
      return { value: text };
  }
}

function rowOrgOf(row: RecordSheetRow, type: RecordTypeDef, look: Lookups, error: (column: RecordColumn, message: string) => void): ImportOrg | null {
  const ref = row.orgCode || row.orgName;
  const resolved: Resolved<ImportOrg> = ref ? look.org(ref) : look.home ? { value: look.home } : { error: '请填写组织编码或组织名称' };
  const column = row.orgCode ? 'orgCode' : 'orgName';
  if ('error' in resolved) return error(column, resolved.error), null;
  const org = resolved.value;
  if (!org.active) return error(column, `组织“${org.name}”已停用`), null;
  if (!appliesToKind(type, org.kind)) {
    return error(column, `“${org.name}”（${ORG_KIND_LABELS[org.kind as OrgKind] ?? org.kind}）不记录“${type.name}”`), null;
  }
  return org;
}

/** Every row's record, or every row's errors: the caller writes only when `errors` is empty. */
export function planRecordImport(type: RecordTypeDef, rows: readonly RecordSheetRow[], snapshot: RecordImportSnapshot): { records: PlannedRecord[]; errors: ImportError[] } {
  const sheet = recordSheet(type);
  const header = new Map(sheet.columns.map((c) => [c.key, c.header]));
  const look = lookups(snapshot);
  const records: PlannedRecord[] = [];
  const errors: ImportError[] = [];
  for (const row of rows) {
    const before = errors.length;
    const error = (column: RecordColumn, message: string) => errors.push({ sheet: sheet.name, row: row.row, column: header.get(column) ?? column, message });
    const org = rowOrgOf(row, type, look, error);
    const title = row.title;
    if (title === '') error('title', `请填写${header.get('title')}`);
    else if ([...title].length > TITLE_MAX) error('title', `${header.get('title')}不能超过${TITLE_MAX}个字`);
    const occurredOn = row.occurredOn === '' ? null : cellDate(row.occurredOn);
    if (!occurredOn) error('occurredOn', row.occurredOn === '' ? `请填写${header.get('occurredOn')}` : `${header.get('occurredOn')}须为有效日期，如 2026-03-15`);
    const input: Record<string, unknown> = {};
    // Fields already reported (a name that did not resolve), or that cannot be read without the
    // row's org (people are looked for in its subtree), are not reported again as missing.
    const settled = new Set<string>();
    for (const def of type.fields.filter(isImportable)) {
      const text = row[fieldKey(def.id)] ?? '';
      if (!org && def.type === 'people') settled.add(def.id);
      if (text === '' || settled.has(def.id)) continue;
      const value = cellValue(def, text, org, look);
      if ('error' in value) {
        error(fieldKey(def.id), value.error);
        settled.add(def.id);
      } else input[def.id] = value.value;
    }
    const checked = checkFields(type, input);
    for (const issue of checked.issues) {
      const id = issue.field.replace(/^fields\./, '');
      if (!settled.has(id)) error(fieldKey(id), issue.message);
    }
    if (errors.length === before && org && occurredOn) {
      records.push({ row: row.row, orgId: org.id, title, occurredOn, values: checked.values, searchText: searchTextOf(type, title, checked.values) });
    }
  }
  return { records, errors };
}
