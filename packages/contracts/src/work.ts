import { z } from 'zod';
import { FollowUp } from './interactions.js';
import { Id, IsoDate } from './limits.js';

/** The page an agent or manager opens every morning: what is due on their relationships. */
export const MyWork = z.object({
  contacts: z.array(
    z.object({
      relationshipId: Id,
      name: z.string(),
      stakeholderId: Id,
      nextContactOn: IsoDate,
      overdue: z.boolean(),
    }),
  ),
  followUps: z.array(FollowUp.extend({ relationshipName: z.string().nullable() })),
  checklist: z.array(
    z.object({
      relationshipId: Id,
      relationshipName: z.string(),
      stepKey: z.string(),
      stepName: z.string(),
      activityKey: z.string(),
      text: z.string(),
    }),
  ),
  reviews: z.array(
    z.object({ relationshipId: Id, name: z.string(), nextReviewOn: IsoDate, overdue: z.boolean() }),
  ),
});
export type MyWork = z.infer<typeof MyWork>;
