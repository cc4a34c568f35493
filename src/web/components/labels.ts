import { ROLE_LABELS, type Role } from '../../core/auth/roles.ts';
import { ORG_KIND_LABELS, ORG_KINDS } from '../../core/org/kinds.ts';

export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;

/** Org kinds as Select options, in the glossary's order. */
export const ORG_KIND_OPTIONS = ORG_KINDS.map((kind) => ({ value: kind, label: ORG_KIND_LABELS[kind] }));
