import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** An organization unit. `path` is the materialized path of ids, "/root/child/", for subtree queries. */
export interface OrgTable {
  id: string;
  parent_id: string | null;
  path: string;
  name: string;
  /** One of ORG_KINDS (core/org/kinds.ts). */
  kind: string;
  /** Optional unit code, used to match rows on Excel import. */
  code: string | null;
  sort_order: Generated<number>;
  /** Set when deactivated; deactivated orgs keep their history. */
  deactivated_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A member of staff. Deliberately minimal (PIPL minimization): name, org, position, optional contact. */
export interface PersonTable {
  id: string;
  org_id: string;
  name: string;
  position: string | null;
  /** Encrypted at rest (platform/crypto `sealField`); masked in lists. */
  phone: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

/** Who carries which duty role in which org and year. */
export interface DutyAssignmentTable {
  id: string;
  org_id: string;
  person_id: string;
  year: number;
  /** One of DUTY_ROLES. */
  role: string;
  created_at: string;
}

/** Membership of an org's ideology-work leading group (领导小组) in a year. */
export interface LeadingGroupMemberTable {
  id: string;
  org_id: string;
  person_id: string;
  year: number;
  /** One of GROUP_ROLES. */
  group_role: string;
  created_at: string;
}

export type OrgRow = Selectable<OrgTable>;
export type NewOrg = Insertable<OrgTable>;
export type OrgUpdate = Updateable<OrgTable>;
export type PersonRow = Selectable<PersonTable>;
export type DutyAssignmentRow = Selectable<DutyAssignmentTable>;
export type LeadingGroupMemberRow = Selectable<LeadingGroupMemberTable>;
