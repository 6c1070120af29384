import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test/databases.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { testPostgresUrl } from '../../../test/postgres-url.js';

const postgres = dialects.includes('postgres');

/**
 * PostgreSQL connections killed under the server (pg_terminate_backend: an operator, a fail-over, a restart of the
 * database): the requests that were using them get 503 problem+json (try again), never 500; readiness says 503
 * while the database cannot be used and 200 again after; the server recovers without a restart.
 */
describe.runIf(postgres)('PostgreSQL connections killed while requests run', () => {
  let h: Harness;
  let killer: pg.Client;
  beforeAll(async () => {
    h = await createHarness('postgres');
    killer = new pg.Client({ connectionString: testPostgresUrl() as string });
    await killer.connect();
  });
  afterAll(async () => {
    await killer.end();
    await h.close();
  });

  /** Ends every connection of this test's pool (they carry the schema as application_name). */
  const killPool = async () =>
    (
      await killer.query(
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1',
        [h.test.schema],
      )
    ).rows[0].n as number;

  it('answers 503 problem+json (not 500) while connections die, readiness goes 503 and back to 200', async () => {
    await h.admin.createStakeholder();
    let killing = true;
    // Kills the pool's connections over and over, as fast as they are opened, until told to stop.
    const storm = (async () => {
      while (killing) {
        await killPool();
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const statuses: number[] = [];
    const readiness: number[] = [];
    try {
      for (let i = 0; i < 60 && !(statuses.includes(503) && readiness.includes(503)); i += 1) {
        const [list, create, ready] = await Promise.all([
          h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?limit=5' }),
          h.admin.request({
            method: 'POST',
            url: '/api/v1/stakeholders',
            payload: { name: `During the storm ${i}`, category: 'customer', influence: 3, interest: 3 },
          }),
          h.app.inject({ method: 'GET', url: '/api/v1/ready' }),
        ]);
        for (const response of [list, create]) {
          statuses.push(response.statusCode);
          if (response.statusCode === 503) {
            expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
            expect(response.json()).toMatchObject({
              status: 503,
              type: expect.stringMatching(/unavailable$/),
            });
          }
        }
        readiness.push(ready.statusCode);
      }
    } finally {
      killing = false;
      await storm;
    }
    expect(statuses).toContain(503);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(statuses.every((status) => [200, 201, 503].includes(status))).toBe(true);
    expect(readiness).toContain(503);

    // The storm is over: the pool opens new connections, no restart needed.
    let ready = 0;
    for (let i = 0; i < 50 && ready !== 200; i += 1) {
      ready = (await h.app.inject({ method: 'GET', url: '/api/v1/ready' })).statusCode;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(200);
    const after = await h.admin.request({
      method: 'POST',
      url: '/api/v1/stakeholders',
      payload: { name: 'After the storm', category: 'customer', influence: 3, interest: 3 },
    });
    expect(after.statusCode).toBe(201);
    const list = await h.admin.request({ method: 'GET', url: '/api/v1/stakeholders?q=After%20the%20storm' });
    expect(list.json().data.map((s: { name: string }) => s.name)).toContain('After the storm');
  });
});
