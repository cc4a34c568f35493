import { ORG_SHEET, type OrgColumn } from './excelLayout.ts';
import { ORG_NAME_MAX, orgCodeError, parseSortOrder } from './fields.ts';
import type {
  ExistingOrg, ImportError, ImportSnapshot, OrgRef, OrgSheetRow, PlannedOrgCreate, PlannedOrgUpdate,
} from './importTypes.ts';
import { kindFromLabel, ORG_KINDS, ORG_KIND_LABELS, type OrgKind } from './kinds.ts';

const header = (key: OrgColumn) => ORG_SHEET.columns.find((c) => c.key === key)!.header;
type Fail = (row: number, key: OrgColumn, message: string) => void;
const KIND_CHOICES = ORG_KINDS.map((k) => ORG_KIND_LABELS[k]).join('、');

/** One 组织 row while it is being planned. */
interface RowState {
  src: OrgSheetRow;
  name: string;
  /** Null: not given (keeps the current kind of an existing org). */
  kind: OrgKind | null;
  code: string | null;
  sortOrder: number | null;
  /** The existing org this row updates, once known. */
  match: ExistingOrg | null;
  /** Its code was refused: the row is reported once and otherwise left out. */
  rejected: boolean;
  parent: OrgRef | null;
}

/** Resolves the org references of both sheets the same way. */
export interface OrgResolver {
  /** Empty text is the importer's own org; otherwise an org code (of a row or an org), or an org id. */
  resolve(text: string): OrgRef | undefined;
  isInactive(ref: OrgRef): boolean;
}

export interface OrgPlan {
  creates: PlannedOrgCreate[];
  updates: PlannedOrgUpdate[];
  errors: ImportError[];
  resolver: OrgResolver;
}

export const refKey = (ref: OrgRef): string => ('existing' in ref ? ref.existing : `row:${ref.row}`);

/**
 * Plans the 组织 sheet against the orgs in scope: which rows create an org, which update one, and
 * every reason a row cannot be imported. Pure: the caller loads the snapshot and writes the plan.
 */
export function planOrgImport(rows: readonly OrgSheetRow[], snapshot: ImportSnapshot): OrgPlan {
  const errors: ImportError[] = [];
  const fail: Fail = (row, key, message) =>
    errors.push({ sheet: ORG_SHEET.name, row, column: header(key), message });
  const byId = new Map(snapshot.orgs.map((o) => [o.id, o]));
  const byCode = new Map(snapshot.orgs.filter((o) => o.code).map((o) => [o.code!, o]));

  const states = rows.map((src) => readRow(src, fail));
  const fileByCode = new Map<string, RowState>();
  for (const state of states) {
    const { code } = state;
    if (!code) continue;
    const earlier = fileByCode.get(code);
    const refusal = earlier ? `组织编码“${code}”与第${earlier.src.row}行重复` : snapshot.codesOutsideScope.has(code) ? `组织编码“${code}”已被其他组织使用` : null;
    if (refusal) {
      fail(state.src.row, 'code', refusal);
      state.rejected = true;
    } else {
      fileByCode.set(code, state);
      state.match = byCode.get(code) ?? null;
      if (state.match?.id === snapshot.homeOrgId) fail(state.src.row, 'code', '不能通过导入修改本单位（导入人所在组织），请在组织架构页面修改');
    }
  }

  const resolver: OrgResolver = {
    resolve(text) {
      if (text === '') return { existing: snapshot.homeOrgId };
      const row = fileByCode.get(text);
      if (row) return row.match ? { existing: row.match.id } : { row: row.src.row };
      const org = byCode.get(text) ?? byId.get(text);
      return org ? { existing: org.id } : undefined;
    },
    isInactive: (ref) => 'existing' in ref && byId.get(ref.existing)?.active === false,
  };

  for (const state of states) if (!state.rejected) resolveParent(state, resolver, byId, fail);
  failSameOrgTwice(states, fail);
  const creating = states.filter((s) => !s.match && s.parent);
  failCycles(creating, fail);
  failSiblingClashes(states, snapshot.orgs, fail);
  for (const s of creating) if (!s.src.kind) fail(s.src.row, 'kind', '新建组织须填写组织类型');

  return { creates: orderCreates(creating), updates: changedUpdates(states), errors, resolver };
}

function readRow(src: OrgSheetRow, fail: Fail): RowState {
  const state: RowState = { src, name: src.name, kind: null, code: src.code || null, sortOrder: null, match: null, parent: null, rejected: false };
  if (!src.name) fail(src.row, 'name', '组织名称不能为空');
  else if (src.name.length > ORG_NAME_MAX) fail(src.row, 'name', `组织名称不能超过${ORG_NAME_MAX}个字`);
  if (src.kind) {
    state.kind = kindFromLabel(src.kind) ?? null;
    if (!state.kind) fail(src.row, 'kind', `组织类型“${src.kind}”无效，可选：${KIND_CHOICES}`);
  }
  const codeError = state.code ? orgCodeError(state.code) : null;
  if (codeError) {
    fail(src.row, 'code', codeError);
    state.code = null;
  }
  if (src.sortOrder) {
    const sort = parseSortOrder(src.sortOrder);
    if ('error' in sort) fail(src.row, 'sortOrder', sort.error);
    else state.sortOrder = sort.value;
  }
  return state;
}

/**
 * Finds each row's parent. A row matched by code keeps its parent (imports never move orgs); a row
 * without a code updates the same-named child of its parent if there is one, else creates.
 */
function resolveParent(
  state: RowState,
  resolver: OrgResolver,
  byId: ReadonlyMap<string, ExistingOrg>,
  fail: Fail,
): void {
  const { src } = state;
  const parent = resolver.resolve(src.parentRef);
  if (!parent) return void fail(src.row, 'parentRef', `上级组织编码“${src.parentRef}”不存在或不在管辖范围内`);
  if ('row' in parent && parent.row === src.row) return void fail(src.row, 'parentRef', '上级组织不能是本行组织自身');
  if (state.match) {
    const moved = src.parentRef !== '' && !('existing' in parent && parent.existing === state.match.parentId);
    if (moved) fail(src.row, 'parentRef', '导入不能移动组织：上级组织与系统中不一致，如需调整请在组织架构页面操作');
    return;
  }
  if ('existing' in parent) {
    if (!state.code) {
      state.match = [...byId.values()].find((o) => o.parentId === parent.existing && o.name === state.name) ?? null;
      if (state.match) return;
    }
    const org = byId.get(parent.existing);
    if (org && !org.active) return void fail(src.row, 'parentRef', `上级组织“${org.name}”已停用`);
  }
  state.parent = parent;
}

/** Two rows updating one org (by code in one row, by parent and name in another) would race. */
function failSameOrgTwice(states: readonly RowState[], fail: Fail): void {
  const first = new Map<string, number>();
  for (const { match, src } of states) {
    if (!match) continue;
    const earlier = first.get(match.id);
    if (earlier === undefined) first.set(match.id, src.row);
    else fail(src.row, 'name', `与第${earlier}行是同一个组织，请合并为一行`);
  }
}

/** Rows to create whose parents, followed through the sheet, come back to themselves. */
function failCycles(creating: readonly RowState[], fail: Fail): void {
  const byRow = new Map(creating.map((s) => [s.src.row, s]));
  const settled = new Set<number>();
  for (const start of creating) {
    const chain: number[] = [];
    let current: RowState | undefined = start;
    while (current && !settled.has(current.src.row)) {
      if (chain.includes(current.src.row)) {
        for (const row of chain.slice(chain.indexOf(current.src.row))) fail(row, 'parentRef', '上级组织之间形成循环引用');
        break;
      }
      chain.push(current.src.row);
      current = current.parent && 'row' in current.parent ? byRow.get(current.parent.row) : undefined;
    }
    chain.forEach((row) => settled.add(row));
  }
}

/** Names must stay unique among the children of each parent, counting renames and new rows. */
function failSiblingClashes(
  states: readonly RowState[],
  orgs: readonly ExistingOrg[],
  fail: Fail,
): void {
  const renamed = new Map(states.filter((s) => s.match && s.name).map((s) => [s.match!.id, s]));
  const siblings = new Map<string, Map<string, (RowState | null)[]>>();
  const add = (parentKey: string, name: string, state: RowState | null) => {
    const names = siblings.get(parentKey) ?? new Map<string, (RowState | null)[]>();
    siblings.set(parentKey, names.set(name, [...(names.get(name) ?? []), state]));
  };
  for (const org of orgs) {
    const state = renamed.get(org.id) ?? null;
    if (org.parentId) add(org.parentId, state?.name ?? org.name, state);
  }
  for (const s of states) if (!s.match && s.parent && s.name) add(refKey(s.parent), s.name, s);
  for (const names of siblings.values()) {
    for (const [name, entries] of names) {
      if (entries.length < 2) continue;
      for (const s of entries) if (s) fail(s.src.row, 'name', `同一上级组织下已有名为“${name}”的组织`);
    }
  }
}

/** Parents before children: a row's depth is the length of its chain of rows being created. */
function orderCreates(creating: readonly RowState[]): PlannedOrgCreate[] {
  const byRow = new Map(creating.map((s) => [s.src.row, s]));
  const depth = (s: RowState, seen = 0): number =>
    s.parent && 'row' in s.parent && byRow.has(s.parent.row) && seen < byRow.size ? 1 + depth(byRow.get(s.parent.row)!, seen + 1) : 0;
  return [...creating]
    .map((s) => ({ s, d: depth(s) }))
    .sort((a, b) => a.d - b.d || a.s.src.row - b.s.src.row)
    // A row without a kind has already failed; the placeholder never reaches the database.
    .map(({ s }) => ({ row: s.src.row, parent: s.parent!, name: s.name, kind: s.kind ?? 'department', code: s.code, sortOrder: s.sortOrder }));
}

function changedUpdates(states: readonly RowState[]): PlannedOrgUpdate[] {
  const updates: PlannedOrgUpdate[] = [];
  for (const { match, src, name, kind, sortOrder } of states) {
    if (!match) continue;
    const next = { row: src.row, id: match.id, name: name || match.name, kind: kind ?? match.kind, sortOrder: sortOrder ?? match.sortOrder };
    if (next.name !== match.name || next.kind !== match.kind || next.sortOrder !== match.sortOrder) updates.push(next);
  }
  return updates;
}
