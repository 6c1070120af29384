import type { CalendarFeedStatus } from '@rapport/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export const calendarKeys = {
  feed: () => ['calendar-feed'] as const,
};

/** Whether the signed-in user has a calendar feed (its URL is never answered again after it is made). */
export function useCalendarFeed() {
  return useQuery({
    queryKey: calendarKeys.feed(),
    queryFn: ({ signal }) => api<CalendarFeedStatus>('/me/calendar-feed', { signal }),
  });
}
