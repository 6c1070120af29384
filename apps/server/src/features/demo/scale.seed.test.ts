import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../../test/databases.js';
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
    const a = await seedScale(first.database.db, 500, 3);
    const b = await seedScale(second.database.db, 500, 3);
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
});
