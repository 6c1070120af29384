import type { CalendarFeedCreated, CalendarFeedStatus } from '@rapport/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { calendarKeys } from './calendar.queries';

/** Creates the feed, or rotates it (the old URL stops working). */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<CalendarFeedCreated>('/me/calendar-feed', { method: 'POST' }),
    onSuccess: (created) =>
      queryClient.setQueryData<CalendarFeedStatus>(calendarKeys.feed(), {
        exists: true,
        createdAt: created.createdAt,
      }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/me/calendar-feed', { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.feed() }),
  });
}
