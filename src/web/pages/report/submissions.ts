import type { Submissions } from './api.ts';

type Item = Submissions['items'][number];

/**
 * The ledger records of a unit's submission that were not written by a submission in lvzhi: a
 * report submitted here is also entered in the ledger, and the superior should see it once, as the
 * report it can read. The report names the record its submission wrote (`submittedRecordId`);
 * matching by title and date would miss it, since a report sent after its period is recorded on the
 * period's last day, and would hide a record of another report that happens to share its title.
 */
export function outsideRecords(item: Item): Item['records'] {
  const written = new Set(item.reports.map((report) => report.submittedRecordId).filter((id) => id !== null));
  return item.records.filter((record) => !written.has(record.recordId));
}
