import type { Notification, NotificationSettings } from '@rapport/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  list: (unread: boolean) => [...notificationKeys.all, 'list', unread] as const,
  settings: () => [...notificationKeys.all, 'settings'] as const,
};

type Page = { data: Notification[]; nextCursor: string | null; total?: number };

/** The bell's number: refreshed every minute while the app is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) =>
      api<Page>(withQuery('/me/notifications', { unread: true, count: true, limit: 1 }), { signal }),
    select: (page) => page.total ?? 0,
    refetchInterval: 60_000,
  });
}

export function useNotifications(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<Page>(
        withQuery('/me/notifications', { unread: unread ? true : undefined, limit: 50, cursor: pageParam }),
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) => api<NotificationSettings>('/me/notification-preferences', { signal }),
  });
}
