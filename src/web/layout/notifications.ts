import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../http/client.ts';

// The user's own notifications (reminders of requirements falling due or overdue): the header's
// bell and the notifications page share one cache, so reading one in either place updates both.

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** How often the bell asks while the tab is visible (a hidden tab does not ask at all). */
export const POLL_MS = 60_000;

export interface AppNotification {
  id: string;
  /** compliance.due_soon, compliance.overdue, … */
  kind: string;
  title: string;
  body: string;
  /** A path inside the app, e.g. /compliance?orgId=…&ruleId=…&period=…; null when there is nothing to open. */
  link: string | null;
  orgId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: AppNotification[];
  total: number;
  unread: number;
}

export interface NotificationQuery {
  unreadOnly?: boolean;
  page?: number;
  pageSize?: number;
}

const fetchList = (q: NotificationQuery, background: boolean) =>
  (background ? api.poll : api.get)<NotificationList>('/api/notifications', {
    unread: q.unreadOnly ? 'true' : undefined, page: q.page, pageSize: q.pageSize,
  });

/**
 * A page of notifications with the unread count. With `pollMs`, asks again every so often — but
 * only while the page is visible: React Query pauses intervals in a hidden tab, and asks at once
 * when the tab comes back.
 */
export function useNotifications(q: NotificationQuery, pollMs?: number) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, q],
    queryFn: () => fetchList(q, pollMs !== undefined),
    refetchInterval: pollMs ?? false,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: pollMs ? true : false,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
    // A failing poll must not bother the user with toasts; the bell just shows no count.
    retry: false,
  });
}

/** What the badge shows: nothing at 0, the number up to 99, then "99+". */
export function badgeText(unread: number | undefined): string | null {
  if (!unread || unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}

/**
 * Only links inside the app are followed: a path starting with one "/" (not "//host" or "/\host",
 * which browsers read as another site).
 */
export function safeLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.startsWith('/\\')) return null;
  return link;
}

/** Marks notifications read in every cached list at once, so the badge drops before the server answers. */
export function markReadInCache(queryClient: QueryClient, ids: readonly string[] | 'all', at = new Date().toISOString()): void {
  queryClient.setQueriesData<NotificationList>({ queryKey: NOTIFICATIONS_KEY }, (list) => {
    if (!list) return list;
    const hits = list.items.filter((n) => !n.readAt && (ids === 'all' || ids.includes(n.id)));
    if (ids === 'all') return { ...list, unread: 0, items: list.items.map((n) => (n.readAt ? n : { ...n, readAt: at })) };
    if (hits.length === 0) return list;
    return {
      ...list,
      unread: Math.max(0, list.unread - hits.length),
      items: list.items.map((n) => (hits.includes(n) ? { ...n, readAt: at } : n)),
    };
  });
}

/** Mark one or all read: the cache first, then the server, then a fresh count from it. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }), [queryClient]);
  const markOne = useCallback(
    async (id: string) => {
      markReadInCache(queryClient, [id]);
      try {
        await api.post(`/api/notifications/${encodeURIComponent(id)}/read`);
      } finally {
        void refresh();
      }
    },
    [queryClient, refresh],
  );
  const markAll = useCallback(async () => {
    markReadInCache(queryClient, 'all');
    try {
      await api.post<{ ok: true; count: number }>('/api/notifications/read-all');
    } finally {
      void refresh();
    }
  }, [queryClient, refresh]);
  return { markOne, markAll };
}
