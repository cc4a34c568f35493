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
    errors: [...orgs.errors, ...people.errors],
  };
}
