import { useLocation } from 'react-router';

// The list's filters live in its URL; pages opened from the list carry that URL's query along in
// the history state, so that "返回列表" lands on the same filtered page.

export interface FromList {
  /** The list's query string ("?typeId=…&page=2"), or "". */
  from?: string;
}

export const LIST_PATH = '/ledger';

export const recordPath = (id: string, action: '' | '/edit' = '') => `${LIST_PATH}/${encodeURIComponent(id)}${action}`;

/** Where "返回列表" goes from the current page. */
export function useListReturn(): { to: string; state: FromList } {
  const state = useLocation().state as FromList | null;
  const from = typeof state?.from === 'string' && state.from.startsWith('?') ? state.from : '';
  return { to: `${LIST_PATH}${from}`, state: { from } };
}
