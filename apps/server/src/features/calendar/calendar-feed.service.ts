import { type CalendarFeedCreated, type CalendarFeedStatus, can, type Role } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { now } from '../../shared/time.js';
import { recordAudit } from '../audit/audit.repository.js';
import { type Actor, requirePermission } from '../auth/actor.js';
import { contactsDue, openFollowUps, reviewsDue } from '../work/work.repository.js';
import { renderFeed } from './calendar-feed.ics.js';
import { deleteFeed, feedOwnerByHash, findFeedOfUser, saveFeed } from './calendar-feed.repository.js';
import { feedUrl, hashFeedToken, newFeedToken } from './calendar-feed.token.js';

/** The feed shows what is overdue and what falls due within this many days (My work looks a week ahead). */
export const FEED_HORIZON_DAYS = 60;
/** The feed is a view of My work: whoever may read relationships may have one. */
const PERMISSION = 'relationships.read';

// The same answer for a token never issued, revoked, rotated away or of a deactivated user: a feed URL tells
// nothing about why it stopped working.
const noFeed = () => new AppError('not_found', 'No calendar feed at this address');

export function createCalendarFeedService(db: Kysely<DB>, config: { publicUrl: string }) {
  return {
    async status(actor: Actor | null): Promise<CalendarFeedStatus> {
      const signedIn = requirePermission(actor, PERMISSION);
      const row = await findFeedOfUser(db, signedIn.id);
      return { exists: row !== undefined, createdAt: row?.created_at ?? null };
    },

    /** Creates the feed, or rotates it: a new token whose URL is answered this once; the old URL stops working. */
    async create(actor: Actor | null): Promise<CalendarFeedCreated> {
      const signedIn = requirePermission(actor, PERMISSION);
      const token = newFeedToken();
      const createdAt = now();
      await db.transaction().execute(async (trx) => {
        const before = await findFeedOfUser(trx, signedIn.id);
        await saveFeed(trx, {
          user_id: signedIn.id,
          token_hash: hashFeedToken(token),
          created_at: createdAt,
        });
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: before ? 'update' : 'create',
          entity: 'calendar_feed',
          entityId: signedIn.id,
          before: before ? { createdAt: before.created_at } : null,
          after: { createdAt },
        });
      });
      return { url: feedUrl(config.publicUrl, token), createdAt };
    },

    async revoke(actor: Actor | null): Promise<void> {
      const signedIn = requirePermission(actor, PERMISSION);
      await db.transaction().execute(async (trx) => {
        const before = await findFeedOfUser(trx, signedIn.id);
        if (!before || !(await deleteFeed(trx, signedIn.id))) {
          throw new AppError('not_found', 'You have no calendar feed');
        }
        await recordAudit(trx, {
          actorId: signedIn.id,
          action: 'revoke',
          entity: 'calendar_feed',
          entityId: signedIn.id,
          before: { createdAt: before.created_at },
          after: null,
        });
      });
    },

    /**
     * The public feed: the token is the only key. Its owner's reviews and contacts due on the relationships they
     * manage or assist, and their open follow-ups with a due date, through the same queries as My work, so the
     * feed never shows more than the owner sees there (a follow-up, never its interaction's content).
     */
    async feed(token: string): Promise<string> {
      const owner = await feedOwnerByHash(db, hashFeedToken(token));
      if (!owner || owner.deactivated_at !== null || !can(owner.role as Role, PERMISSION)) throw noFeed();
      const stamp = new Date();
      const until = new Date(stamp.getTime() + FEED_HORIZON_DAYS * 86_400_000).toISOString().slice(0, 10);
      const [reviews, contacts, followUps] = await Promise.all([
        reviewsDue(db, owner.id, until),
        contactsDue(db, owner.id, until),
        openFollowUps(db, owner.id),
      ]);
      return renderFeed(owner, { reviews, contacts, followUps }, { publicUrl: config.publicUrl, stamp });
    },
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;
