import { can, type Permission } from '../../../core/auth/roles.ts';
import { maskEmail, maskPhone } from '../../../core/org/contact.ts';
import { ORG_SHEET, PERSON_SHEET } from '../../../core/org/excelLayout.ts';
import { planImport } from '../../../core/org/importPlan.ts';
import type { ImportError, OrgSheetRow } from '../../../core/org/importTypes.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { forbidden, unprocessable } from '../../platform/errors.ts';
import { auditedWrite, recordAudit } from '../audit/audit.repository.ts';
import { applyImportPlan, codesOutsideScope, orgsForImport, peopleInScope } from './orgExcel.repository.ts';
import { buildOrgWorkbook, readOrgWorkbook } from './orgExcel.workbook.ts';
import { orgKindLabel } from './org.presenter.ts';
import { listOrgsInSubtree } from './org.repository.ts';
import { assertXlsx } from './xlsxGuard.ts';

export interface ImportResult {
  orgsCreated: number;
  orgsUpdated: number;
  peopleCreated: number;
  peopleUpdated: number;
}

const mayImport = (actor: Actor) => can(actor.roles, 'org.manage') || can(actor.roles, 'people.manage');

/** The blank template: for those who may import at least one of the two sheets. */
export async function templateWorkbook(actor: Actor): Promise<Buffer> {
  if (!mayImport(actor)) throw forbidden('下载导入模板需要组织管理或人员管理权限');
  return buildOrgWorkbook({ orgs: [], people: [] });
}

/**
 * The actor's active subtree in the import layout, so that editing the file and importing it back
 * works. The actor's own org is the implicit top (empty references). Contact details are in full
 * only for those who may manage people.
 */
export async function exportWorkbook(ctx: AppContext, actor: Actor): Promise<Buffer> {
  const orgs = await listOrgsInSubtree(ctx.db, actor.orgPath, { includeInactive: false });
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const order = new Map(orgs.map((o, i) => [o.id, i]));
  // An org is referred to by its code; one without a code by its id, which the importer also accepts.
  const ref = (id: string) => byId.get(id)?.code ?? (id === actor.orgId ? '' : id);
  const orgRows = orgs
    .filter((o) => o.id !== actor.orgId)
    .map((o) => ({ parentRef: ref(o.parent_id!), name: o.name, kind: orgKindLabel(o.kind), code: o.code, sortOrder: Number(o.sort_order) }));
  const unmask = can(actor.roles, 'people.manage');
  const people = (await peopleInScope(ctx.db, ctx.fieldKeys, actor))
    .filter((p) => order.has(p.orgId))
    .sort((a, b) => order.get(a.orgId)! - order.get(b.orgId)!);
  const personRows = people.map((p) => ({
    name: p.name,
    orgRef: ref(p.orgId),
    position: p.position,
    phone: p.phone && (unmask ? p.phone : maskPhone(p.phone)),
    email: p.email && (unmask ? p.email : maskEmail(p.email)),
  }));
  await recordAudit(ctx, actor, {
    action: 'org.export', targetType: 'org', targetId: actor.orgId,
    summary: { orgs: orgRows.length, people: personRows.length, contacts: unmask ? 'full' : 'masked' },
  });
  return buildOrgWorkbook({ orgs: orgRows, people: personRows });
}

const importInvalid = (errors: readonly ImportError[]) =>
  unprocessable('IMPORT_INVALID', `导入失败：共${errors.length}处错误，未写入任何数据`, 'file', errors);

async function deny(ctx: AppContext, actor: Actor, permission: string, message: string): Promise<never> {
  await recordAudit(ctx, actor, { action: 'authz.denied', result: 'denied', summary: { permission, route: 'org-excel/import' } });
  throw forbidden(message);
}

/** Each sheet needs its own permission: the 组织 rows org.manage, the 人员 rows people.manage. */
async function assertMayImportSheets(ctx: AppContext, actor: Actor, rows: { orgs: number; people: number }): Promise<void> {
  const needs: [number, Permission, string][] = [[rows.orgs, 'org.manage', ORG_SHEET.name], [rows.people, 'people.manage', PERSON_SHEET.name]];
  for (const [count, permission, sheet] of needs) {
    if (count > 0 && !can(actor.roles, permission)) await deny(ctx, actor, permission, `没有权限导入“${sheet}”表`);
  }
}

/**
 * All-or-nothing import: every row of both sheets is checked first (against the database as it is
 * inside the write transaction) and any error aborts with all of them; otherwise the plan is
 * written in that same transaction with one audit entry.
 */
export async function importWorkbook(ctx: AppContext, actor: Actor, file: { buffer: Buffer; filename: string }): Promise<ImportResult> {
  if (!mayImport(actor)) await deny(ctx, actor, 'org.manage|people.manage', '导入组织人员需要组织管理或人员管理权限');
  assertXlsx(file.buffer);
  const { orgRows, personRows, errors } = await readOrgWorkbook(file.buffer);
  await assertMayImportSheets(ctx, actor, { orgs: orgRows.length, people: personRows.length });
  if (errors.length > 0) throw importInvalid(errors);
  return auditedWrite(ctx, actor, async (trx) => {
    const snapshot = {
      homeOrgId: actor.orgId,
      orgs: await orgsForImport(trx, actor),
      people: await peopleInScope(trx, ctx.fieldKeys, actor),
      codesOutsideScope: await codesOutsideScope(trx, actor, fileCodes(orgRows)),
    };
    const planned = planImport(orgRows, personRows, snapshot);
    if (planned.errors.length > 0) throw importInvalid(planned.errors);
    const counts = await applyImportPlan(trx, ctx.fieldKeys, planned.plan);
    return { result: counts, audit: { action: 'org.import', targetType: 'org', targetId: actor.orgId, summary: { ...counts, file: file.filename } } };
  });
}

const fileCodes = (rows: readonly OrgSheetRow[]) => [...new Set(rows.map((r) => r.code).filter((c) => c !== ''))];

