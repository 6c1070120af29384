import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
import { refreshContact } from '../relationships/contact.js';
import { seedScale } from './scale.seed.js';

describe.each(dialects)('rapport seed --scale on %s', (dialect) => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    first = await createTestDatabase(dialect);
    second = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await first.drop();
    await second.drop();
  });

  it('builds the same organisation twice from one seed, with history, groups and links', async () => {
    const a = await seedScale(first.database.db, 500, { seed: 3, relationships: 200, interactions: 1_000 });
    const b = await seedScale(second.database.db, 500, { seed: 3, relationships: 200, interactions: 1_000 });
    expect(a).toEqual(b);
    expect(a.assessments).toBeGreaterThan(500);
    expect(a.links).toBeGreaterThan(400);
    const names = (db: TestDatabase) =>
      db.database.db
        .selectFrom('stakeholders')
        .select(['name', 'influence', 'interest', 'category'])
        .orderBy('name')
        .execute();
    expect(await names(first)).toEqual(await names(second));
    const quadrants = await first.database.db
      .selectFrom('stakeholders')
      .select('quadrant')
      .distinct()
      .execute();
    expect(quadrants).toHaveLength(4);
  });

  it('opens relationships on model journeys with their interactions, as the running app would record them', async () => {
    const db = first.database.db;
    const { journeys } = await seedScale(db, 200, { seed: 9, relationships: 300, interactions: 2_000 });
    expect(journeys).toMatchObject({ relationships: 300, interactions: 2_000, models: 10 });
    const count = async (table: 'relationships' | 'interactions' | 'interaction_stakeholders') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The first test's 200 relationships and 1,000 interactions are in this database too.
    expect(await count('relationships')).toBe(500);
    expect(await count('interactions')).toBe(3_000);
    expect(await count('interaction_stakeholders')).toBe(3_000);

    // Every current step is mirrored for the board, and is a step of the relationship's journey.
    const rows = await db.selectFrom('relationships').selectAll().execute();
    const positions = await db.selectFrom('relationship_positions').selectAll().execute();
    const placed = new Set(positions.map((p) => `${p.relationship_id}/${p.step_key}`));
    for (const row of rows) {
      const steps = JSON.parse(row.current_steps) as string[];
      const keys = row.journey ? (JSON.parse(row.journey).steps as { key: string }[]).map((s) => s.key) : [];
      for (const step of steps) {
        expect(placed.has(`${row.id}/${step}`)).toBe(true);
        expect(keys).toContain(step);
      }
    }
    expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['active', 'paused', 'ended']));

    // The contact columns are what refreshContact computes from the interactions.
    const sample = rows.filter((row) => row.status === 'active' && row.journey !== null).slice(0, 25);
    const before = sample.map((row) => [row.last_contact_at, row.contact_every_days, row.next_contact_on]);
    await refreshContact(
      db,
      sample.map((row) => row.id),
    );
    const after = await db
      .selectFrom('relationships')
      .select(['id', 'last_contact_at', 'contact_every_days', 'next_contact_on'])
      .where(
        'id',
        'in',
        sample.map((row) => row.id),
      )
      .execute();
    const byId = new Map(after.map((row) => [row.id, row]));
    expect(
      sample.map((row) => {
        const now = byId.get(row.id);
        return [now?.last_contact_at, now?.contact_every_days, now?.next_contact_on];
      }),
    ).toEqual(before);
  });
});
