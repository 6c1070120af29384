import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import { CALENDAR_FEED_LIMIT_PER_MINUTE } from './calendar-feed.routes.js';

const PUBLIC_URL = 'https://rapport.example.com';
const FEED_PATH = /^https:\/\/rapport\.example\.com(\/api\/v1\/calendar\/([A-Za-z0-9_-]{43})\.ics)$/;
let address = 0;
/** Each request of a test comes from an address of its own, so the public rate limit counts only its own. */
const nextAddress = () => `10.9.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string;
  start: string;
  end: string;
  allDay: boolean;
  stamp: string | null;
  transparent: string;
}

/** Parses the feed with ical.js (Mozilla's RFC 5545 parser), the way a calendar app reads it. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: String(vevent.getFirstPropertyValue('url')),
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      stamp: vevent.getFirstPropertyValue('dtstamp')?.toString() ?? null,
      transparent: String(vevent.getFirstPropertyValue('transp')),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    ttl: String(calendar.getFirstPropertyValue('x-published-ttl')),
    refresh: String(calendar.getFirstPropertyValue('refresh-interval')),
    events: events.sort((a, b) => (a.uid < b.uid ? -1 : 1)),
  };
}

describe.each(dialects)('calendar feed on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let other: Session;
  let mine: { id: string };
  let theirs: { id: string };
  let offerId: string;
  let briefingId: string;

  const send = (as: Session, url: string, payload: object, version?: number) =>
    as.request({
      method: 'POST',
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const feedOf = (url: string) => {
    const match = FEED_PATH.exec(url);
    if (!match?.[1]) throw new Error(`not a feed URL: ${url}`);
    return h.app.inject({ method: 'GET', url: match[1], remoteAddress: nextAddress() });
  };
  /** A record created through the API: anything but 201 fails the setup with the server's answer. */
  const created = async (response: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json() as { id: string };
  };
  const createFeed = async (as: Session) => {
    const response = await as.request({ method: 'POST', url: '/api/v1/me/calendar-feed' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { url: string; createdAt: string };
  };

  beforeAll(async () => {
    h = await createHarness(dialect, { RAPPORT_PUBLIC_URL: PUBLIC_URL });
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    other = await h.userWith('relationship_agent');

    const group = (await send(h.admin, '/api/v1/stakeholder-groups', { name: `Calendar ${dialect}` })).json();
    const fabrikam = await h.admin.createStakeholder({ name: 'Fabrikam' });
    const contoso = await h.admin.createStakeholder({ name: 'Contoso' });
    const northwind = await h.admin.createStakeholder({ name: 'Northwind' });
    await send(h.admin, `/api/v1/stakeholder-groups/${group.id}/members`, { stakeholderIds: [fabrikam.id] });
    const model = await created(
      send(manager, '/api/v1/relationship-models', {
        name: 'Calendar model',
        groupIds: [group.id],
        relationshipType: 'basic',
        communality,
        steps: [{ key: 'explore', name: 'Explore', activities: [{ key: 'a1', text: 'Map needs' }] }],
        contactEveryDays: 30,
      }),
    );
    await send(manager, `/api/v1/relationship-models/${model.id}/propose`, {}, 1);
    await send(manager, `/api/v1/relationship-models/${model.id}/agree`, {}, 2);

    // The agent's relationship: review due 2026-02-01; a call on 2026-01-15 with a 30-day cadence puts the
    // next contact on 2026-02-14. Both are long past, so both are in the feed whatever today is.
    mine = await created(
      send(h.admin, '/api/v1/relationships', {
        stakeholderId: fabrikam.id,
        ourRole: 'provider',
        modelId: model.id,
        agentId: agent.user.id,
        startedOn: '2026-01-01',
        nextReviewOn: '2026-02-01',
      }),
    );
    // Another of the agent's relationships whose review is years away: past the feed's horizon.
    await created(
      send(h.admin, '/api/v1/relationships', {
        stakeholderId: northwind.id,
        ourRole: 'provider',
        agentId: agent.user.id,
        startedOn: '2026-01-01',
        nextReviewOn: '2031-01-01',
      }),
    );
    const call = await send(agent, '/api/v1/interactions', {
      relationshipId: mine.id,
      kind: 'call',
      occurredAt: '2026-01-15T10:00:00Z',
      followUps: [
        { text: 'Send the offer', ownerId: agent.user.id, dueOn: '2026-01-20' },
        { text: 'No date, so not in a calendar', ownerId: agent.user.id },
        { text: 'Not mine', ownerId: other.user.id, dueOn: '2026-01-21' },
      ],
    });
    expect(call.statusCode, call.body).toBe(201);
    offerId = call.json().followUps.find((f: { text: string }) => f.text === 'Send the offer').id;

    // Someone else's relationship, with a confidential meeting whose follow-up is the agent's: the agent may see
    // the follow-up, not what was said.
    theirs = await created(
      send(h.admin, '/api/v1/relationships', {
        stakeholderId: contoso.id,
        ourRole: 'provider',
        agentId: other.user.id,
        startedOn: '2026-01-01',
        nextReviewOn: '2026-02-10',
      }),
    );
    const secret = await send(other, '/api/v1/interactions', {
      relationshipId: theirs.id,
      kind: 'meeting',
      occurredAt: '2026-02-01T09:00:00Z',
      confidential: true,
      summary: 'Secret merger talk',
      followUps: [{ text: 'Prepare the briefing', ownerId: agent.user.id, dueOn: '2026-03-05' }],
    });
    expect(secret.statusCode, secret.body).toBe(201);
    briefingId = secret.json().followUps[0].id;
  });
  afterAll(() => h.close());

  it('answers that there is no feed yet, and only to signed-in users', async () => {
    const status = await agent.request({ method: 'GET', url: '/api/v1/me/calendar-feed' });
    expect(status.json()).toEqual({ exists: false, createdAt: null });
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const anonymous = await h.app.inject({ method, url: '/api/v1/me/calendar-feed' });
      expect(anonymous.statusCode).toBe(401);
    }
    expect((await other.request({ method: 'DELETE', url: '/api/v1/me/calendar-feed' })).statusCode).toBe(404);
  });

  it('serves my reviews, contacts and dated follow-ups as all-day events a real parser reads', async () => {
    const created = await createFeed(agent);
    const response = await feedOf(created.url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);

    const feed = parseFeed(response.body);
    expect(feed.name).toBe('Rapport – my work');
    expect(feed.ttl).toBe('PT1H');
    expect(feed.refresh).toBe('PT1H');
    const id = agent.user.id;
    expect(feed.events.map(({ stamp, ...event }) => event)).toEqual(
      [
        {
          uid: `contact-${mine.id}-${id}@rapport.example.com`,
          summary: 'Contact: Fabrikam',
          description: 'The next contact of the relationship “Fabrikam” is due on 2026-02-14.',
          url: `${PUBLIC_URL}/relationships/${mine.id}`,
          start: '2026-02-14',
          end: '2026-02-15',
          allDay: true,
          transparent: 'TRANSPARENT',
        },
        {
          uid: `follow-up-${briefingId}-${id}@rapport.example.com`,
          summary: 'Follow-up: Prepare the briefing',
          description: 'Prepare the briefing\nRelationship: Contoso\nDue on 2026-03-05.',
          url: `${PUBLIC_URL}/relationships/${theirs.id}`,
          start: '2026-03-05',
          end: '2026-03-06',
          allDay: true,
          transparent: 'TRANSPARENT',
        },
        {
          uid: `follow-up-${offerId}-${id}@rapport.example.com`,
          summary: 'Follow-up: Send the offer',
          description: 'Send the offer\nRelationship: Fabrikam\nDue on 2026-01-20.',
          url: `${PUBLIC_URL}/relationships/${mine.id}`,
          start: '2026-01-20',
          end: '2026-01-21',
          allDay: true,
          transparent: 'TRANSPARENT',
        },
        {
          uid: `review-${mine.id}-${id}@rapport.example.com`,
          summary: 'Review: Fabrikam',
          description: 'The review of the relationship “Fabrikam” is due on 2026-02-01.',
          url: `${PUBLIC_URL}/relationships/${mine.id}`,
          start: '2026-02-01',
          end: '2026-02-02',
          allDay: true,
          transparent: 'TRANSPARENT',
        },
      ].sort((a, b) => (a.uid < b.uid ? -1 : 1)),
    );
    for (const event of feed.events) expect(event.stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Not in the feed: the confidential summary, the undated follow-up, others' follow-ups and relationships,
    // and a review past the horizon.
    for (const absent of ['Secret merger talk', 'No date', 'Not mine', 'Northwind', '2031']) {
      expect(response.body).not.toContain(absent);
    }

    // Fetched again, the same events keep their UIDs, so a calendar updates them rather than adding copies.
    const again = parseFeed((await feedOf(created.url)).body);
    expect(again.events.map((event) => event.uid)).toEqual(feed.events.map((event) => event.uid));
  });

  it('keeps only the SHA-256 of the token', async () => {
    const created = await createFeed(manager);
    const token = FEED_PATH.exec(created.url)?.[2] as string;
    const rows = await h.test.database.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', manager.user.id)
      .execute();
    expect(rows).toEqual([
      {
        user_id: manager.user.id,
        token_hash: createHash('sha256').update(token).digest('hex'),
        created_at: created.createdAt,
      },
    ]);
    expect(
      JSON.stringify(await h.test.database.db.selectFrom('calendar_feeds').selectAll().execute()),
    ).not.toContain(token);
    const status = await manager.request({ method: 'GET', url: '/api/v1/me/calendar-feed' });
    expect(status.json()).toEqual({ exists: true, createdAt: created.createdAt });
    // The manager leads no relationship here: a valid, empty calendar.
    const feed = parseFeed((await feedOf(created.url)).body);
    expect(feed.events).toEqual([]);
  });

  it('shows another user only their own items', async () => {
    const feed = parseFeed((await feedOf((await createFeed(other)).url)).body);
    expect(feed.events.map((event) => [event.summary, event.start])).toEqual([
      ['Follow-up: Not mine', '2026-01-21'],
      ['Review: Contoso', '2026-02-10'],
    ]);
  });

  it('rotates: the new URL works, the old one answers 404, and one feed per user remains', async () => {
    const first = await createFeed(agent);
    const second = await createFeed(agent);
    expect(second.url).not.toBe(first.url);
    const old = await feedOf(first.url);
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect((await feedOf(second.url)).statusCode).toBe(200);
    const rows = await h.test.database.db
      .selectFrom('calendar_feeds')
      .select('user_id')
      .where('user_id', '=', agent.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    const audit = await h.test.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'calendar_feed')
      .where('entity_id', '=', agent.user.id)
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'update']);
  });

  it('revokes: the URL answers 404 and the status says there is no feed', async () => {
    const created = await createFeed(other);
    const revoked = await other.request({ method: 'DELETE', url: '/api/v1/me/calendar-feed' });
    expect(revoked.statusCode).toBe(204);
    expect((await feedOf(created.url)).statusCode).toBe(404);
    expect((await other.request({ method: 'GET', url: '/api/v1/me/calendar-feed' })).json()).toEqual({
      exists: false,
      createdAt: null,
    });
    expect((await other.request({ method: 'DELETE', url: '/api/v1/me/calendar-feed' })).statusCode).toBe(404);
  });

  it('answers 404 to a token never issued, whatever its shape', async () => {
    for (const token of ['A'.repeat(43), 'not-a-token', '..%2F..']) {
      const response = await h.app.inject({
        method: 'GET',
        url: `/api/v1/calendar/${token}.ics`,
        remoteAddress: nextAddress(),
      });
      expect(response.statusCode).toBe(404);
    }
  });

  it('speaks the user’s language: zh-CN summaries', async () => {
    const created = await createFeed(agent);
    const changed = await agent.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'zh-CN' } });
    expect(changed.statusCode).toBe(200);
    try {
      const feed = parseFeed((await feedOf(created.url)).body);
      expect(feed.name).toBe('Rapport – 我的工作');
      expect(feed.events.map((event) => event.summary).sort()).toEqual(
        ['关系评审：Fabrikam', '联系：Fabrikam', '跟进：Send the offer', '跟进：Prepare the briefing'].sort(),
      );
      expect(feed.events.find((event) => event.summary === '联系：Fabrikam')?.description).toBe(
        '关系“Fabrikam”的下次联系将于 2026-02-14 到期。',
      );
    } finally {
      await agent.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } });
    }
  });

  it('answers 404 for a deactivated user’s feed', async () => {
    const leaver = await h.userWith('relationship_agent');
    const created = await createFeed(leaver);
    expect((await feedOf(created.url)).statusCode).toBe(200);
    const deactivated = await h.admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${leaver.user.id}`,
      payload: { deactivated: true, version: leaver.user.version },
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((await feedOf(created.url)).statusCode).toBe(404);
  });

  it('limits the public feed per client address', async () => {
    const created = await createFeed(manager);
    const path = FEED_PATH.exec(created.url)?.[1] as string;
    const remoteAddress = nextAddress();
    for (let i = 0; i < CALENDAR_FEED_LIMIT_PER_MINUTE; i += 1) {
      expect((await h.app.inject({ method: 'GET', url: path, remoteAddress })).statusCode).toBe(200);
    }
    const limited = await h.app.inject({ method: 'GET', url: path, remoteAddress });
    expect(limited.statusCode).toBe(429);
    expect((await h.app.inject({ method: 'GET', url: path, remoteAddress: nextAddress() })).statusCode).toBe(
      200,
    );
  });
});
