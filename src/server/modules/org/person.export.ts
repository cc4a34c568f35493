import { DUTY_ROLE_LABELS, type DutyRole, GROUP_ROLE_LABELS, type GroupRole } from '../../../core/org/kinds.ts';
import { nowIso } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { personInScope } from './org.access.ts';
import { listAccountsOfPerson, listDutiesOfPerson, listGroupsOfPerson, openContact } from './person.repository.ts';
import type { PersonExportDto } from './person.schema.ts';

const NOTICE = '本文件包含本系统中存储的该人员全部个人信息及其关联记录，依据《中华人民共和国个人信息保护法》提供，请妥善保管。';

/**
 * Everything lvzhi stores about one person, contact details in full: the answer to a data-subject
 * access request. Recorded as person.export, since the file leaves the system.
 */
export async function exportPerson(ctx: AppContext, actor: Actor, id: string): Promise<PersonExportDto> {
  const person = await personInScope(ctx, actor, id, { write: true });
  const [duties, groups, accounts] = await Promise.all([
    listDutiesOfPerson(ctx.db, id),
    listGroupsOfPerson(ctx.db, id),
    listAccountsOfPerson(ctx.db, id),
  ]);
  await recordAudit(ctx, actor, { action: 'person.export', targetType: 'person', targetId: id, orgId: person.org_id, summary: { name: person.name } });
  return {
    exportedAt: nowIso(),
    notice: NOTICE,
    person: {
      id: person.id, name: person.name, position: person.position, ...openContact(ctx.fieldKeys, person),
      orgId: person.org_id, orgName: person.org_name, createdAt: person.created_at, updatedAt: person.updated_at,
    },
    dutyAssignments: duties.map((d) => ({
      orgId: d.org_id, orgName: d.org_name, year: Number(d.year), role: d.role, roleLabel: DUTY_ROLE_LABELS[d.role as DutyRole] ?? d.role, createdAt: d.created_at,
    })),
    leadingGroupMemberships: groups.map((g) => ({
      orgId: g.org_id, orgName: g.org_name, year: Number(g.year), groupRole: g.group_role,
      groupRoleLabel: GROUP_ROLE_LABELS[g.group_role as GroupRole] ?? g.group_role, createdAt: g.created_at,
    })),
    accounts: accounts.map((a) => ({
      username: a.username, displayName: a.display_name, createdAt: a.created_at, lastLoginAt: a.last_login_at, disabled: a.disabled_at !== null,
    })),
  };
}
