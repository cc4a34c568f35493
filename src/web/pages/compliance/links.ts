import { LIST_PATH } from '../ledger/ledgerNav.ts';

// Where a compliance figure leads: a matrix cell (the same URL the server's reminders link to), the
// ledger's filtered list, or its new-record form prefilled. The ledger's URL filters are its own
// (pages/ledger/RecordListPage.tsx): packId, typeId, orgId, subtree, from, to.

export const COMPLIANCE_PATH = '/compliance';
export const CALENDAR_PATH = '/compliance/calendar';

type Params = Record<string, string | number | undefined | null>;

function withParams(path: string, params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export interface MatrixTarget {
  orgId: string;
  packId?: string;
  year?: number;
  /** The rollup's top org, when the matrix shows one of its units. */
  root?: string;
}

/** One org's matrix. */
export const matrixLink = (t: MatrixTarget): string => withParams(COMPLIANCE_PATH, { orgId: t.orgId, root: t.root, packId: t.packId, year: t.year });

/** One cell of a matrix, its drawer open: /compliance?orgId&packId&year&ruleId&period, as the reminders link. */
export const cellLink = (t: MatrixTarget & { ruleId: string; period: string }): string =>
  withParams(COMPLIANCE_PATH, { orgId: t.orgId, root: t.root, packId: t.packId, year: t.year ?? Number(t.period.slice(0, 4)), ruleId: t.ruleId, period: t.period });

export interface LedgerListTarget {
  packId?: string;
  typeId?: string;
  orgId?: string;
  /** Include the org's units (the list's default). */
  subtree?: boolean;
  from?: string;
  to?: string;
}

/** The ledger list with filters; its query string alone is what the list's "返回列表" state carries. */
export function ledgerListQuery(t: LedgerListTarget): string {
  const path = withParams('', {
    packId: t.packId, typeId: t.typeId, orgId: t.orgId, subtree: t.orgId && t.subtree === false ? 'false' : undefined, from: t.from, to: t.to,
  });
  return path;
}

export const ledgerListLink = (t: LedgerListTarget): string => `${LIST_PATH}${ledgerListQuery(t)}`;

/** The ledger's new-record form with type and org chosen, and the record's date when given. */
export const newRecordLink = (t: { packId: string; typeId: string; orgId: string; occurredOn?: string }): string =>
  withParams(`${LIST_PATH}/new`, { packId: t.packId, typeId: t.typeId, orgId: t.orgId, occurredOn: t.occurredOn });

/**
 * A date that makes a new record count toward a period: today while the period runs, the period's
 * last day once it is over (补录 of a missed period), its first day before it begins. Dates are
 * 'YYYY-MM-DD', so they compare as text.
 */
export function dateInPeriod(period: { from: string; to: string }, today: string): string {
  if (today < period.from) return period.from;
  return today > period.to ? period.to : today;
}

/** First and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
