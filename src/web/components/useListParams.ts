import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SortOrder } from '../http/types.ts';

/** The URL's parameters with `changes` applied: an empty or undefined value removes its key. */
export function withParams(previous: URLSearchParams, changes: Record<string, string | number | undefined>): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

export interface ListParams {
  page: number;
  pageSize: number;
  sort: string | undefined;
  order: SortOrder | undefined;
}

export interface ListDefaults {
  pageSize?: number;
  sort?: string;
  order?: SortOrder;
}

const positive = (text: string | null, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const orderOf = (text: string | null): SortOrder | undefined => (text === 'asc' || text === 'desc' ? text : undefined);

/**
 * Paging, sorting and filters of a server-side list, kept in the URL so that back, reload and a
 * shared link show the same page. Changing a filter goes back to page 1.
 */
export function useListParams<F extends string>(filterKeys: readonly F[], defaults: ListDefaults = {}) {
  const [search, setSearch] = useSearchParams();

  const params: ListParams = {
    page: positive(search.get('page'), 1),
    pageSize: positive(search.get('pageSize'), defaults.pageSize ?? 20),
    sort: search.get('sort') ?? defaults.sort,
    order: orderOf(search.get('order')) ?? defaults.order,
  };
  const filterText = filterKeys.map((key) => search.get(key) ?? '').join('\u0000');
  const filters = useMemo(
    () => Object.fromEntries(filterText.split('\u0000').map((value, i) => [filterKeys[i], value || undefined])) as Record<F, string | undefined>,
    // filterKeys is a constant list per page; the joined text is what changes.
    [filterText],
  );

  const update = useCallback(
    (changes: Record<string, string | number | undefined>, resetPage: boolean) => {
      setSearch(
        (previous) => {
          const next = withParams(previous, changes);
          if (resetPage) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  const setFilters = useCallback((changes: Partial<Record<F, string | undefined>>) => update(changes, true), [update]);
  const setPaging = useCallback((changes: Partial<ListParams>) => update({ ...changes }, false), [update]);

  return { params, filters, setFilters, setPaging };
}
