import type { Submissions } from './api.ts';

type Item = Submissions['items'][number];

const DAY = 86_400_000;

/**
 * The ledger records of a unit's submission that were not written by a submission in lvzhi: a
 * report submitted here is also entered in the ledger (same title, dated the business day it was
 * sent, which may be the next UTC day), and the superior should see it once, as the report it can read.
 */
export function outsideRecords(item: Item): Item['records'] {
  return item.records.filter(
    (record) =>
      !item.reports.some(
        (report) => report.title === record.title && Math.abs(Date.parse(`${record.occurredOn}T00:00:00Z`) - Date.parse(`${report.submittedAt.slice(0, 10)}T00:00:00Z`)) <= DAY,
      ),
  );
}
