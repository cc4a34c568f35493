import { emailError, isMasked, phoneError } from './contact.ts';
import { PERSON_SHEET, type PersonColumn } from './excelLayout.ts';
import { PERSON_NAME_MAX, POSITION_MAX } from './fields.ts';
import { type OrgResolver, refKey } from './importOrgs.ts';
import type {
  ExistingPerson, ImportError, OrgRef, PersonSheetRow, PlannedPersonCreate, PlannedPersonUpdate,
} from './importTypes.ts';

const header = (key: PersonColumn) => PERSON_SHEET.columns.find((c) => c.key === key)!.header;
type Fail = (row: number, key: PersonColumn, message: string) => void;

export interface PeoplePlan {
  creates: PlannedPersonCreate[];
  updates: PlannedPersonUpdate[];
  errors: ImportError[];
}

/**
 * Plans the 人员 sheet: a person is matched by (org, name); a match gets its non-empty cells, any
 * other row creates a person. Org references resolve exactly as in the 组织 sheet.
 */
export function planPeopleImport(rows: readonly PersonSheetRow[], people: readonly ExistingPerson[], resolver: OrgResolver): PeoplePlan {
  const errors: ImportError[] = [];
  const fail: Fail = (row, key, message) => errors.push({ sheet: PERSON_SHEET.name, row, column: header(key), message });
  const creates: PlannedPersonCreate[] = [];
  const updates: PlannedPersonUpdate[] = [];
  const seen = new Map<string, number>();

  for (const src of rows) {
    const valid = checkFields(src, fail);
    const org = resolveOrg(src, resolver, fail);
    if (!valid || !org) continue;
    const key = `${refKey(org)}\u0000${src.name}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail(src.row, 'name', `与第${earlier}行重复：同一组织中的同名人员只能出现一次`);
      continue;
    }
    seen.set(key, src.row);
    const matches = 'existing' in org ? people.filter((p) => p.orgId === org.existing && p.name === src.name) : [];
    if (matches.length > 1) {
      fail(src.row, 'name', `该组织中有${matches.length}名同名人员“${src.name}”，无法确定更新哪一位，请在人员页面修改`);
    } else if (matches.length === 1) {
      const update = changes(src, matches[0]!);
      if (update) updates.push(update);
    } else if (resolver.isInactive(org)) {
      // Correcting someone already in a stopped org is fine; adding people to one is not.
      fail(src.row, 'orgRef', '所属组织已停用，不能新增人员');
    } else {
      creates.push({ row: src.row, org, name: src.name, position: src.position || null, phone: src.phone || null, email: src.email || null });
    }
  }
  return { creates, updates, errors };
}

function checkFields(src: PersonSheetRow, fail: Fail): boolean {
  const problems: [PersonColumn, string | null][] = [
    ['name', !src.name ? '姓名不能为空' : src.name.length > PERSON_NAME_MAX ? `姓名不能超过${PERSON_NAME_MAX}个字` : null],
    ['position', src.position.length > POSITION_MAX ? `职务不能超过${POSITION_MAX}个字` : null],
    ['phone', src.phone ? contactError(src.phone, phoneError) : null],
    ['email', src.email ? contactError(src.email, emailError) : null],
  ];
  let valid = true;
  for (const [key, message] of problems) {
    if (!message) continue;
    fail(src.row, key, message);
    valid = false;
  }
  return valid;
}

/** A masked value (from an export made without the right to see contacts) is refused by name. */
function contactError(value: string, check: (value: string) => string | null): string | null {
  return isMasked(value) ? '此为脱敏后的联系方式（含*），请填写完整信息或留空' : check(value);
}

function resolveOrg(src: PersonSheetRow, resolver: OrgResolver, fail: Fail): OrgRef | undefined {
  const org = resolver.resolve(src.orgRef);
  if (!org) fail(src.row, 'orgRef', `所属组织编码“${src.orgRef}”不存在或不在管辖范围内`);
  return org;
}

/** Non-empty cells that differ from what is stored; null when the row changes nothing. */
function changes(src: PersonSheetRow, person: ExistingPerson): PlannedPersonUpdate | null {
  const update: PlannedPersonUpdate = { row: src.row, id: person.id };
  if (src.position && src.position !== person.position) update.position = src.position;
  if (src.phone && src.phone !== person.phone) update.phone = src.phone;
  if (src.email && src.email !== person.email) update.email = src.email;
  return Object.keys(update).length > 2 ? update : null;
}
