import { z } from 'zod';
import { IsoDateTime, text } from './limits.js';

/** Whether the signed-in user has a calendar feed, and since when (its URL is shown only when it is made). */
export const CalendarFeedStatus = z.object({
  exists: z.boolean(),
  createdAt: IsoDateTime.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/** The feed's secret address, answered once: only a digest of its token is kept. */
export const CalendarFeedCreated = z.object({
  url: z.string(),
  createdAt: IsoDateTime,
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

/** `/calendar/{token}.ics`: any text is accepted and an unknown token is a 404, never a 400 that tells more. */
export const CalendarFeedToken = z.strictObject({ token: text().min(1).max(200) });
