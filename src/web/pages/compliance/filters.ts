import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { chinaToday } from '../../../core/compliance/period.ts';
import { YEAR_MAX, YEAR_MIN } from '../../../core/org/fields.ts';
import { useCurrentUser } from '../../auth/session.ts';
import { withParams } from '../../components/useListParams.ts';

// The org, pack and year every compliance view is about, kept in the URL (a reminder's link, back,
// reload and a shared link all land on the same view). The org defaults to the user's own.

export function parseYear(text: string | null, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX ? n : fallback;
}

/** This year by the China business calendar (UTC+8), which the server also uses. */
export const thisYear = (): number => Number(chinaToday(new Date()).slice(0, 4));

export function useComplianceParams() {
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const orgId = search.get('orgId') || user.orgId;
  const values = {
    orgId,
    packId: search.get('packId') || undefined,
    year: parseYear(search.get('year'), thisYear()),
    get: (key: string) => search.get(key) || undefined,
  };
  /** Changes some parameters; `push` adds a history entry (switching org), else the URL is replaced. */
  const update = useCallback(
    (changes: Record<string, string | number | undefined>, push = false) => {
      setSearch((previous) => withParams(previous, changes), { replace: !push });
    },
    [setSearch],
  );
  return { ...values, update };
}
