/** Org kinds, from the glossary. */
export const ORG_KINDS = ['committee', 'party_group', 'working_committee', 'branch', 'department', 'affiliate', 'township'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: '党委',
  party_group: '党组',
  working_committee: '党工委',
  branch: '党支部',
  department: '处室/科室',
  affiliate: '直属单位',
  township: '镇街',
};

/** Duty roles of the responsibility system. */
export const DUTY_ROLES = ['primary', 'first_responsible', 'direct', 'dual_duty'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

export const DUTY_ROLE_LABELS: Record<DutyRole, string> = {
  primary: '主体责任',
  first_responsible: '第一责任人',
  direct: '直接责任人',
  dual_duty: '一岗双责',
};

/** Roles inside a leading group (领导小组). */
export const GROUP_ROLES = ['leader', 'deputy', 'member', 'office_director'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const GROUP_ROLE_LABELS: Record<GroupRole, string> = {
  leader: '组长',
  deputy: '副组长',
  member: '成员',
  office_director: '办公室主任',
};

/** Reverse lookup for Excel import, where users type the Chinese label. */
export function kindFromLabel(label: string): OrgKind | undefined {
  const text = label.trim();
  if ((ORG_KINDS as readonly string[]).includes(text)) return text as OrgKind;
  return ORG_KINDS.find((k) => ORG_KIND_LABELS[k] === text || ORG_KIND_LABELS[k].split('/').includes(text));
}

/** Roles held by one person at most per org and year: the secretary (第一责任人), the group leader (组长). */
export const SINGLE_HOLDER_DUTY_ROLES: readonly DutyRole[] = ['first_responsible'];
export const SINGLE_HOLDER_GROUP_ROLES: readonly GroupRole[] = ['leader'];
