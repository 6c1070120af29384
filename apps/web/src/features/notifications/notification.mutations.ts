import type { Notification, NotificationSettings, NotificationSettingsUpdate } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { notificationKeys } from './notification.queries';

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Notification>(`/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ updated: number }>('/me/notifications/read-all', { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: NotificationSettingsUpdate }) =>
      api<NotificationSettings>('/me/notification-preferences', { method: 'PUT', body, version }),
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings(), settings),
  });
}
