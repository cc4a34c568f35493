import { ORG_SHEET, PERSON_SHEET } from './excelLayout.ts';
import { planOrgImport } from './importOrgs.ts';
import { planPeopleImport } from './importPeople.ts';
import type { ImportError, ImportPlan, ImportSnapshot, OrgSheetRow, PersonSheetRow } from './importTypes.ts';

/**
 * Plans a whole org/people import: every error of both sheets, or what to write. The import is
 * all-or-nothing, so the caller writes the plan only when `errors` is empty.
 */
export function planImport(
  orgRows: readonly OrgSheetRow[],
  personRows: readonly PersonSheetRow[],
  snapshot: ImportSnapshot,
): { plan: ImportPlan; errors: ImportError[] } {
  const orgs = planOrgImport(orgRows, snapshot);
  const people = planPeopleImport(personRows, snapshot.people, orgs.resolver);
  return {
    plan: { orgCreates: orgs.creates, orgUpdates: orgs.updates, personCreates: people.creates, personUpdates: people.updates },
    errors: sortErrors([...orgs.errors, ...people.errors]),
  };
}

const SHEET_ORDER = [ORG_SHEET, PERSON_SHEET];
const position = (e: ImportError): [number, number] => {
  const sheet = SHEET_ORDER.findIndex((s) => s.name === e.sheet);
  const column = SHEET_ORDER[sheet]?.columns.findIndex((c) => c.header === e.column) ?? -1;
  return [sheet, column];
};

/** Errors in reading order (sheet, row, column), as the user will fix them. */
export function sortErrors(errors: readonly ImportError[]): ImportError[] {
  return [...errors].sort((a, b) => {
    const [sa, ca] = position(a);
    const [sb, cb] = position(b);
    return sa - sb || a.row - b.row || ca - cb;
  });
}
