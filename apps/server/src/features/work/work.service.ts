import type { Journey, MyWork } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fromJson, fromJsonList } from '../../shared/json.js';
import { auditRevision, revisionCache } from '../../shared/revision-cache.js';
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

// What is due on a person's relationships changes far less often than they open the page: kept per person
// while the audit log, which every change writes in its transaction, and the day are unchanged; the age limit
// is the backstop for what the revision cannot see (instances whose clocks differ).
const CACHED_PEOPLE = 100;
const MAX_AGE_MS = 10_000;

export function createWorkService(db: Kysely<DB>) {
  const cache = revisionCache<MyWork>({ size: CACHED_PEOPLE, maxAgeMs: MAX_AGE_MS });

  async function compute(userId: string, today: string): Promise<MyWork> {
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + HORIZON_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const [journeys, contacts, followUps, reviews] = await Promise.all([
      myJourneys(db, userId),
      contactsDue(db, userId, until),
      openFollowUps(db, userId),
      reviewsDue(db, userId, until),
    ]);
    const steps = journeys.map((row) => fromJsonList(row.current_steps));
    const ticked = await ticksOf(
      db,
      journeys.map((row) => row.id),
      [...new Set(steps.flat())],
    );
    const checklist = journeys.flatMap((row, i) => {
      const journey = parsedJourney(row.journey as string);
      return (steps[i] as string[]).flatMap((stepKey) => {
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
      contacts: contacts.map((row) => ({
        relationshipId: row.id,
        name: row.name,
        stakeholderId: row.stakeholder_id,
        nextContactOn: row.next_contact_on as string,
        overdue: (row.next_contact_on as string) < today,
      })),
      followUps: followUps.map((row) => ({
        ...toFollowUp(row),
        relationshipName: row.relationship_name,
      })),
      checklist,
      reviews: reviews.map((row) => ({
        relationshipId: row.id,
        name: row.name,
        nextReviewOn: row.next_review_on as string,
        overdue: (row.next_review_on as string) < today,
      })),
    };
  }

  return {
    /**
     * Contacts and reviews due within a week, open follow-ups, and the unticked activities of the current steps
     * of the relationships to contact soonest.
     */
    async mine(actor: Actor | null): Promise<MyWork> {
      const signedIn = requirePermission(actor, 'relationships.read');
      const today = now().slice(0, 10);
      // Read before computing: a change committed meanwhile makes the next request's revision differ.
      const revision = `${await auditRevision(db)}|${today}`;
      return cache.get(signedIn.id, revision, () => compute(signedIn.id, today));
    },
  };
}

export type WorkService = ReturnType<typeof createWorkService>;
