import type { OrgKind } from './kinds.ts';
import type { OrgColumn, PersonColumn } from './excelLayout.ts';

/** One data row of a sheet: its Excel row number and its cells as trimmed text. */
export type SheetRow<K extends string> = { row: number } & Record<K, string>;
export type OrgSheetRow = SheetRow<OrgColumn>;
export type PersonSheetRow = SheetRow<PersonColumn>;

/** A problem with one cell (or a whole row when `column` is the row's key column). */
export interface ImportError {
  sheet: string;
  /** Excel row number, 1 being the header. */
  row: number;
  /** Header text of the column. */
  column: string;
  message: string;
}

/** An org in the importer's scope, as it is before the import. */
export interface ExistingOrg {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  code: string | null;
  sortOrder: number;
  active: boolean;
}

/** A person in the importer's scope, contact details already decrypted. */
export interface ExistingPerson {
  id: string;
  orgId: string;
  name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
}

/** What the database holds in the importer's scope when planning starts. */
export interface ImportSnapshot {
  /** The importer's own org: empty references point to it. */
  homeOrgId: string;
  orgs: readonly ExistingOrg[];
  people: readonly ExistingPerson[];
  /** Org codes in use outside the scope (codes are unique across the whole system). */
  codesOutsideScope: ReadonlySet<string>;
}

/** An org the import refers to: one that exists, or one created by a row of the 组织 sheet. */
export type OrgRef = { existing: string } | { row: number };

export interface PlannedOrgCreate {
  row: number;
  parent: OrgRef;
  name: string;
  kind: OrgKind;
  code: string | null;
  /** Null: after the existing siblings. */
  sortOrder: number | null;
}

export interface PlannedOrgUpdate {
  row: number;
  id: string;
  name: string;
  kind: string;
  sortOrder: number;
}

export interface PlannedPersonCreate {
  row: number;
  org: OrgRef;
  name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
}

/** Only the fields that change; absent means unchanged. */
export interface PlannedPersonUpdate {
  row: number;
  id: string;
  position?: string;
  phone?: string;
  email?: string;
}

/**
 * What an import will write. Org creations are ordered parents first, so they can be inserted in
 * sequence. Updates list only rows that change something: re-importing an export changes nothing.
 */
export interface ImportPlan {
  orgCreates: PlannedOrgCreate[];
  orgUpdates: PlannedOrgUpdate[];
  personCreates: PlannedPersonCreate[];
  personUpdates: PlannedPersonUpdate[];
}
