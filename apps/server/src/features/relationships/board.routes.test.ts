import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness, type Session } from '../../../test/harness.js';
import * as journeyBoard from '../../db/migrations/20261127195000_journey_board.js';

const communality = {
  controlTrust: 3,
  exchangeCommunal: 3,
  protectiveDisclosing: 3,
  processExperimental: 3,
  isolationSharing: 3,
};

interface Column {
  key: string;
  name: string;
  count: number;
  cards: { id: string; name: string; nextContactOn: string | null; health: { score: number | null } }[];
  nextCursor: string | null;
}

describe.each(dialects)('the journey board on %s', (dialect) => {
  let h: Harness;
  let manager: Session;
  let agent: Session;
  let viewer: Session;
  let model: { id: string };
  let group: { id: string };
  const opened: { id: string; version: number; name: string }[] = [];

  const send = (
    as: Session,
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    version?: number,
  ) =>
    as.request({
      method,
      url,
      payload,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
    });
  const board = async (query: string, as: Session = h.admin) => {
    const response = await as.request({ method: 'GET', url: `/api/v1/relationships/board?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Promise<{ columns: Column[]; elsewhere: number; modelVersion: number }>;
  };
  const column = (b: { columns: Column[] }, key: string) => b.columns.find((c) => c.key === key) as Column;
  const latest = async (id: string) =>
    (await h.admin.request({ method: 'GET', url: `/api/v1/relationships/${id}` })).json();

  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await h.userWith('relationship_manager');
    agent = await h.userWith('relationship_agent');
    viewer = await h.userWith('viewer');
    group = (await send(h.admin, 'POST', '/api/v1/stakeholder-groups', { name: 'Board customers' })).json();
    model = (
      await send(manager, 'POST', '/api/v1/relationship-models', {
        name: 'Board model',
        groupIds: [group.id],
        relationshipType: 'partnership',
        communality,
        steps: [
          { key: 'explore', name: 'Explore' },
          { key: 'engage', name: 'Engage', contactEveryDays: 7 },
          { key: 'offer', name: 'Offer' },
        ],
        contactEveryDays: 30,
      })
    ).json();
    await send(manager, 'POST', `/api/v1/relationship-models/${model.id}/propose`, {}, 1);
    await send(manager, 'POST', `/api/v1/relationship-models/${model.id}/agree`, {}, 2);
    // Seven relationships started on different days, so their next contacts fall on different days.
    for (let i = 0; i < 7; i++) {
      const stakeholder = await h.admin.createStakeholder({ name: `Board customer ${i}` });
      if (i < 2)
        await send(h.admin, 'POST', `/api/v1/stakeholder-groups/${group.id}/members`, {
          stakeholderIds: [stakeholder.id],
        });
      const response = await send(h.admin, 'POST', '/api/v1/relationships', {
        stakeholderId: stakeholder.id,
        ourRole: 'provider',
        modelId: model.id,
        managerId: i % 2 === 0 ? manager.user.id : null,
        agentId: i < 5 ? agent.user.id : null,
        startedOn: `2026-0${i + 1}-15`,
      });
      expect(response.statusCode, response.body).toBe(201);
      opened.push(response.json());
    }
  });
  afterAll(() => h.close());

  it('shows a column per step of the model in force, with counts and cards soonest contact first', async () => {
    const first = await board(`modelId=${model.id}`, viewer);
    expect(first.modelVersion).toBe(1);
    expect(first.columns.map((c) => [c.key, c.name, c.count])).toEqual([
      ['explore', 'Explore', 7],
      ['engage', 'Engage', 0],
      ['offer', 'Offer', 0],
    ]);
    expect(column(first, 'explore').cards.map((card) => card.name)).toEqual(
      opened.map((relationship) => relationship.name),
    );
    expect(column(first, 'explore').cards[0]).toMatchObject({ nextContactOn: '2026-02-14' });
    expect(column(first, 'explore').cards[0]?.health).toHaveProperty('score');
    expect(first.elsewhere).toBe(0);
  });

  it('follows moves into parallel steps, contacts logged, the end and archiving', async () => {
    const [a, b, c] = opened as [(typeof opened)[0], (typeof opened)[0], (typeof opened)[0]];
    const moved = await send(
      agent,
      'POST',
      `/api/v1/relationships/${a.id}/moves`,
      { steps: ['engage', 'offer'] },
      a.version,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    // A contact today puts b last in its column: its next contact moves 30 days from today.
    const logged = await send(agent, 'POST', '/api/v1/interactions', {
      relationshipId: b.id,
      kind: 'call',
      occurredAt: new Date().toISOString(),
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const ended = await send(
      manager,
      'POST',
      `/api/v1/relationships/${c.id}/end`,
      { endReason: 'completed', endNote: '' },
      (await latest(c.id)).version,
    );
    expect(ended.statusCode, ended.body).toBe(200);
    const d = opened[3] as (typeof opened)[0];
    expect(
      (await send(agent, 'DELETE', `/api/v1/relationships/${d.id}`, undefined, d.version)).statusCode,
    ).toBe(200);

    let now = await board(`modelId=${model.id}`);
    expect(now.columns.map((col) => col.count)).toEqual([4, 1, 1]);
    expect(column(now, 'engage').cards.map((card) => card.id)).toEqual([a.id]);
    expect(column(now, 'offer').cards.map((card) => card.id)).toEqual([a.id]);
    expect(
      column(now, 'explore')
        .cards.map((card) => card.id)
        .at(-1),
    ).toBe(b.id);
    expect(column(now, 'explore').cards.map((card) => card.id)).not.toContain(c.id);

    const restored = await send(
      agent,
      'POST',
      `/api/v1/relationships/${d.id}/restore`,
      {},
      (await latest(d.id)).version,
    );
    expect(restored.statusCode, restored.body).toBe(200);
    now = await board(`modelId=${model.id}`);
    expect(column(now, 'explore').count).toBe(5);
  });

  it('filters by manager, agent (or none) and group', async () => {
    const byManager = await board(`modelId=${model.id}&managerId=${manager.user.id}`);
    const managed = opened.filter((_, i) => i % 2 === 0 && i !== 2).map((r) => r.id); // c (i=2) has ended
    // a (i=0) is in two parallel steps, so it is on two columns.
    const cards = new Set(byManager.columns.flatMap((col) => col.cards.map((card) => card.id)));
    expect([...cards].sort()).toEqual(managed.sort());
    const withoutAgent = await board(`modelId=${model.id}&agentId=none`);
    expect(column(withoutAgent, 'explore').cards.map((card) => card.id)).toEqual([
      opened[5]?.id,
      opened[6]?.id,
    ]);
    const inGroup = await board(`modelId=${model.id}&groupId=${group.id}`);
    // a (i=0) is in engage and offer, b (i=1) in explore.
    expect(inGroup.columns.map((col) => col.count)).toEqual([1, 1, 1]);
  });

  it('pages through one column with step and cursor, each card once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `modelId=${model.id}&step=explore&perStep=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await board(query);
      expect(page.columns.map((col) => col.key)).toEqual(['explore']);
      seen.push(...(page.columns[0] as Column).cards.map((card) => card.id));
      cursor = (page.columns[0] as Column).nextCursor;
    } while (cursor);
    const all = column(await board(`modelId=${model.id}`), 'explore').cards.map((card) => card.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
  });

  it('counts relationships in steps of a tailored journey apart', async () => {
    const e = await latest((opened[4] as (typeof opened)[0]).id);
    const journey = { ...e.journey, steps: [...e.journey.steps, { key: 'pilot', name: 'Pilot' }] };
    const tailored = await send(manager, 'PATCH', `/api/v1/relationships/${e.id}`, { journey }, e.version);
    expect(tailored.statusCode, tailored.body).toBe(200);
    const moved = await send(
      agent,
      'POST',
      `/api/v1/relationships/${e.id}/moves`,
      { steps: ['pilot'] },
      tailored.json().version,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const now = await board(`modelId=${model.id}`);
    expect(now.elsewhere).toBe(1);
    expect(column(now, 'explore').cards.map((card) => card.id)).not.toContain(e.id);
  });

  it('refuses bad queries and unknown models', async () => {
    const bad = await h.admin.request({
      method: 'GET',
      url: `/api/v1/relationships/board?modelId=${model.id}&perStep=0&colour=red`,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['colour', 'perStep']);
    const missing = await h.admin.request({ method: 'GET', url: '/api/v1/relationships/board' });
    expect(missing.statusCode).toBe(400);
    const unknown = await h.admin.request({
      method: 'GET',
      url: '/api/v1/relationships/board?modelId=0190f5a0-0000-7000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const forged = await h.admin.request({
      method: 'GET',
      url: `/api/v1/relationships/board?modelId=${model.id}&step=explore&cursor=bm90LWpzb24`,
    });
    expect(forged.statusCode).toBe(400);
  });

  it('moves two cards across each other at once, both landing, and keeps a long override comment', async () => {
    const [x, y] = [opened[5], opened[6]] as [(typeof opened)[0], (typeof opened)[0]];
    const xNow = await latest(x.id);
    const yNow = await latest(y.id);
    const moved = await send(
      agent,
      'POST',
      `/api/v1/relationships/${y.id}/moves`,
      { steps: ['engage'] },
      yNow.version,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    // x goes explore → engage while y goes engage → explore: opposite changes to the same two counts.
    const [first, second] = await Promise.all([
      send(agent, 'POST', `/api/v1/relationships/${x.id}/moves`, { steps: ['engage'] }, xNow.version),
      send(
        agent,
        'POST',
        `/api/v1/relationships/${y.id}/moves`,
        { steps: ['explore'] },
        moved.json().version,
      ),
    ]);
    expect([first.statusCode, second.statusCode], `${first.body} ${second.body}`).toEqual([200, 200]);
    const comment = '关系健康说明'.repeat(330);
    const overridden = await send(
      manager,
      'PATCH',
      `/api/v1/relationships/${x.id}`,
      { healthOverride: { score: 40, comment } },
      first.json().version,
    );
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json().health.override.comment).toBe(comment);
  });

  it('keeps its counts equal to a fresh count after every move, end, archive, restore and tailoring', async () => {
    const db = h.test.database.db;
    const kept = await db
      .selectFrom('board_counts')
      .select(['model_id', 'step_key', 'count'])
      .where('count', '<>', 0)
      .orderBy('model_id')
      .orderBy('step_key')
      .execute();
    const fresh = await db
      .selectFrom('relationship_positions')
      .select(['model_id', 'step_key', (eb) => eb.fn.countAll<number>().as('count')])
      .where('open', '=', 1)
      .where('model_id', 'is not', null)
      .groupBy(['model_id', 'step_key'])
      .orderBy('model_id')
      .orderBy('step_key')
      .execute();
    expect(kept.map((row) => ({ ...row, count: Number(row.count) }))).toEqual(
      fresh.map((row) => ({ ...row, count: Number(row.count) })),
    );
    expect(kept.length).toBeGreaterThan(1);
  });

  it('fills the board columns of relationships written before they existed', async () => {
    const db = h.test.database.db;
    const before = await db
      .selectFrom('relationship_positions')
      .select(['relationship_id', 'step_key', 'model_id', 'open', 'next_contact_on'])
      .orderBy('relationship_id')
      .orderBy('step_key')
      .execute();
    const weights = await db
      .selectFrom('relationships')
      .select(['id', 'health_weights', 'review_every_days'])
      .orderBy('id')
      .execute();
    expect(before.some((row) => row.open === 1) && before.some((row) => row.open === 0)).toBe(true);
    // The migration's data step, run again on rows that have the older shape.
    await journeyBoard.down(db as never);
    await journeyBoard.up(db as never);
    const after = await db
      .selectFrom('relationship_positions')
      .select(['relationship_id', 'step_key', 'model_id', 'open', 'next_contact_on'])
      .orderBy('relationship_id')
      .orderBy('step_key')
      .execute();
    expect(after).toEqual(before);
    const refilled = await db
      .selectFrom('relationships')
      .select(['id', 'health_weights', 'review_every_days'])
      .orderBy('id')
      .execute();
    expect(
      refilled.map((row) => [row.id, JSON.parse(row.health_weights as string), row.review_every_days]),
    ).toEqual(
      weights.map((row) => [row.id, JSON.parse(row.health_weights as string), row.review_every_days]),
    );
  });
});
