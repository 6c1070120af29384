import ical, { ICalEventTransparency } from 'ical-generator';
import { feedTexts } from './calendar-feed.texts.js';

/** Calendars are asked to fetch the feed again after an hour (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
export const FEED_REFRESH_SECONDS = 3600;
/** A summary stays readable in a day cell; the whole follow-up text is in the description. */
const SUMMARY_CHARS = 120;

export interface FeedOwner {
  id: string;
  locale: string;
}

export interface FeedItems {
  reviews: { id: string; name: string; next_review_on: string | null }[];
  contacts: { id: string; name: string; next_contact_on: string | null }[];
  followUps: {
    id: string;
    text: string;
    due_on: string | null;
    relationship_id: string | null;
    relationship_name: string | null;
  }[];
}

const shortened = (text: string) =>
  text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1).trimEnd()}…` : text;

/** Midnight UTC of a YYYY-MM-DD day: with no calendar time zone, ical-generator writes all-day dates in UTC. */
const dayOf = (date: string) => new Date(`${date}T00:00:00.000Z`);
const dayAfter = (date: string) => new Date(dayOf(date).getTime() + 86_400_000);

/**
 * The feed as iCalendar text. UIDs name the record and the feed's owner, not the date, so when a due date
 * moves the calendar moves the event instead of adding another; the owner keeps two people's feeds apart when
 * one calendar app subscribes to both.
 */
export function renderFeed(
  owner: FeedOwner,
  items: FeedItems,
  options: { publicUrl: string; stamp: Date },
): string {
  const texts = feedTexts(owner.locale);
  const domain = new URL(options.publicUrl).hostname || 'rapport';
  const calendar = ical({
    name: texts.calendarName,
    description: texts.calendarDescription,
    prodId: {
      company: 'Rapport',
      product: 'Rapport calendar feed',
      language: owner.locale === 'zh-CN' ? 'ZH' : 'EN',
    },
    ttl: FEED_REFRESH_SECONDS,
  });
  const event = (
    kind: string,
    recordId: string,
    date: string,
    summary: string,
    description: string,
    path: string,
  ) =>
    calendar.createEvent({
      id: `${kind}-${recordId}-${owner.id}@${domain}`,
      stamp: options.stamp,
      start: dayOf(date),
      end: dayAfter(date),
      allDay: true,
      summary,
      description,
      url: `${options.publicUrl}${path}`,
      // Due dates are reminders, not meetings: they leave the owner's free/busy time free.
      transparency: ICalEventTransparency.TRANSPARENT,
    });

  for (const row of items.reviews) {
    if (!row.next_review_on) continue;
    event(
      'review',
      row.id,
      row.next_review_on,
      texts.review(row.name),
      texts.reviewDetail(row.name, row.next_review_on),
      `/relationships/${row.id}`,
    );
  }
  for (const row of items.contacts) {
    if (!row.next_contact_on) continue;
    event(
      'contact',
      row.id,
      row.next_contact_on,
      texts.contact(row.name),
      texts.contactDetail(row.name, row.next_contact_on),
      `/relationships/${row.id}`,
    );
  }
  for (const row of items.followUps) {
    if (!row.due_on) continue;
    event(
      'follow-up',
      row.id,
      row.due_on,
      texts.followUp(shortened(row.text)),
      texts.followUpDetail(row.text, row.relationship_name, row.due_on),
      row.relationship_id ? `/relationships/${row.relationship_id}` : '/work',
    );
  }
  return calendar.toString();
}
