import type { Journey, MyWork } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson, fromJsonList } from '../../shared/json.js';
import { now } from '../../shared/time.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { toFollowUp } from '../interactions/interaction.repository.js';
import {
  contactsDue,
  HORIZON_DAYS,
  myJourneys,
  openFollowUps,
  reviewsDue,
  ticksOf,
} from './work.repository.js';

// Most of a person's relationships share their model's journey text: each distinct text is parsed once.
const parsed = new Map<string, Journey>();
function parsedJourney(text: string): Journey {
  let journey = parsed.get(text);
  if (!journey) {
    journey = fromJson<Journey>(text) as Journey;
    if (parsed.size >= 50) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, journey);
  }
  return journey;
}

export function createWorkService(db: Kysely<DB>) {
  return {
    /** Contacts and reviews due within a week, open follow-ups, and the unticked activities of current steps. */
    async mine(actor: Actor | null): Promise<MyWork> {
      const signedIn = requirePermission(actor, 'relationships.read');
      const today = now().slice(0, 10);
      const until = new Date(Date.now() + HORIZON_DAYS * 86_400_000).toISOString().slice(0, 10);

      const journeys = await myJourneys(db, signedIn.id);
      const steps = journeys.map((row) => fromJsonList(row.current_steps));
      const ticked = await ticksOf(
        db,
        journeys.map((row) => row.id),
        [...new Set(steps.flat())],
      );
      const checklist = journeys.flatMap((row) => {
        const journey = parsedJourney(row.journey as string);
        return fromJsonList(row.current_steps).flatMap((stepKey) => {
          const step = journey.steps.find((candidate) => candidate.key === stepKey);
          return (step?.activities ?? [])
            .filter((activity) => !ticked.has(`${row.id}/${stepKey}/${activity.key}`))
            .map((activity) => ({
              relationshipId: row.id,
              relationshipName: row.name,
              stepKey,
              stepName: step?.name ?? stepKey,
              activityKey: activity.key,
              text: activity.text,
            }));
        });
      });

      return {
        contacts: (await contactsDue(db, signedIn.id, until)).map((row) => ({
          relationshipId: row.id,
          name: row.name,
          stakeholderId: row.stakeholder_id,
          nextContactOn: row.next_contact_on as string,
          overdue: (row.next_contact_on as string) < today,
        })),
        followUps: (await openFollowUps(db, signedIn.id)).map((row) => ({
          ...toFollowUp(row),
          relationshipName: row.relationship_name,
        })),
        checklist,
        reviews: (await reviewsDue(db, signedIn.id, until)).map((row) => ({
          relationshipId: row.id,
          name: row.name,
          nextReviewOn: row.next_review_on as string,
          overdue: (row.next_review_on as string) < today,
        })),
      };
    },
  };
}

export type WorkService = ReturnType<typeof createWorkService>;
