import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/databases.js';
import { migrateTo, migrateToLatest } from './migrate.js';

describe.each(dialects)('migration 20261208020000_survey_privacy on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(dialect);
  });
  afterAll(() => test.drop());

  it('makes existing climate surveys anonymous and satisfaction surveys named, with k = 5', async () => {
    await migrateTo(test.database, '20261127320000_kpi_speed');
    const at = '2026-11-01T09:00:00.000Z';
    const survey = (id: string, kind: string) => ({
      id,
      kind,
      title: id,
      sort_name: id,
      intro: '',
      questions: '[]',
      locale: null,
      low_score_threshold: 2,
      expires_after_days: 30,
      status: 'open',
      created_by: null,
      archived_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    // Written as the older schema had them: without the two new columns.
    await test.database.db
      .insertInto('surveys')
      .values([survey('old-climate', 'climate'), survey('old-satisfaction', 'satisfaction')] as never)
      .execute();
    await migrateToLatest(test.database);
    const rows = await test.database.db
      .selectFrom('surveys')
      .select(['id', 'anonymity', 'min_answers'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'old-climate', anonymity: 'anonymous', min_answers: 5 },
      { id: 'old-satisfaction', anonymity: 'named', min_answers: 5 },
    ]);
  });
});
