/**
 * npm run bench — the stakeholder register at the size of a large organisation.
 * Seeds BENCH_STAKEHOLDERS (default 100,000) stakeholders into a fresh database (SQLite in a temp folder, or
 * BENCH_DATABASE_URL=postgres://… in a schema of its own), starts the real server on loopback and drives
 * it with autocannon. Prints latency percentiles, throughput and the server's memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type StakeholderCategory, stakeholderCategories } from '@rapport/contracts';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { StakeholdersTable } from '../src/db/schema.js';
import { rowOf } from '../src/features/stakeholders/stakeholder.rules.js';
import { createServices } from '../src/services.js';
import { newId } from '../src/shared/ids.js';

const count = Number(process.env.BENCH_STAKEHOLDERS ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const pgUrl = process.env.BENCH_DATABASE_URL;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
const schema = `rapport_bench_${Date.now()}`;
if (pgUrl) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
}
const database = pgUrl
  ? openDatabase(pgUrl, { schema, poolSize: 10 })
  : openDatabase(`sqlite:${path.join(tmp, 'bench.db')}`);
await migrateToLatest(database);

const services = createServices(database.db, { sessionDays: 1 });
const admin = await services.users.createFirstAdmin({
  email: 'bench@example.com',
  name: 'Bench',
  password: 'bench-password',
});
const actor = { id: admin.id, name: admin.name, role: 'administrator' as const, via: 'token' as const };
const { token } = await services.auth.createToken(actor, 'bench');

const surnames = ['王', '李', '张', '刘', '陈', 'Smith', 'Müller', 'García', 'Tanaka', 'Okafor'];
const words = ['Bank', 'Supplies', 'Council', 'Media', 'Partners', 'Cloud', 'Union', 'Group', '科技', '集团'];
const tagPool = ['key account', 'key supplier', 'compliance', 'press', 'cloud', 'strategy'];

console.log(`Seeding ${count.toLocaleString()} stakeholders on ${database.dialect}…`);
const seedStart = performance.now();
const BATCH = 500;
for (let start = 0; start < count; start += BATCH) {
  const rows: StakeholdersTable[] = [];
  const tags: { stakeholder_id: string; tag: string }[] = [];
  const emails: { stakeholder_id: string; email: string }[] = [];
  for (let i = start; i < Math.min(start + BATCH, count); i++) {
    const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    const tag = tagPool[i % tagPool.length] as string;
    const row = rowOf({
      id: newId(),
      name: `${surnames[i % surnames.length]} ${words[(i * 7) % words.length]} ${i}`,
      kind: 'organisation',
      category: stakeholderCategories[i % stakeholderCategories.length] as StakeholderCategory,
      scope: i % 3 === 0 ? 'internal' : 'external',
      parentId: null,
      influence: (i % 5) + 1,
      interest: ((i * 3) % 5) + 1,
      power: i % 2 === 0,
      legitimacy: i % 3 === 0,
      urgency: i % 5 === 0,
      engagementCurrent: 'neutral',
      engagementDesired: 'supportive',
      targetInfluence: null,
      targetInterest: null,
      ownerId: i % 4 === 0 ? admin.id : null,
      emails: [`contact${i}@example.com`],
      phones: [],
      tags: [tag],
      notes: '',
      externalRef: `ext-${i}`,
      lastAssessedAt: at,
      archivedAt: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    rows.push(row);
    tags.push({ stakeholder_id: row.id, tag });
    emails.push({ stakeholder_id: row.id, email: `contact${i}@example.com` });
  }
  await database.db.transaction().execute(async (trx) => {
    await trx.insertInto('stakeholders').values(rows).execute();
    await trx.insertInto('stakeholder_tags').values(tags).execute();
    await trx.insertInto('stakeholder_emails').values(emails).execute();
  });
}
const seedSeconds = (performance.now() - seedStart) / 1000;
// As a server restart would: refresh the planner's statistics after a bulk load.
await (database.dialect === 'sqlite' ? sql`pragma optimize = 0x10002` : sql`analyze`).execute(database.db);
console.log(
  `Seeded in ${seedSeconds.toFixed(1)} s (${Math.round(count / seedSeconds).toLocaleString()} rows/s)`,
);

const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', RAPPORT_WEB_DIST: '/nonexistent' }), database);
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const sample = await database.db
  .selectFrom('stakeholders')
  .select('id')
  .where('name', 'like', '%12345%')
  .executeTakeFirst();
// A cursor into the middle of the name order, as a client paging deep into the list would hold.
const middleCursor = Buffer.from(JSON.stringify(['刘', ''])).toString('base64url');

const scenarios: { name: string; path: string; method?: 'GET' | 'POST'; body?: string }[] = [
  { name: 'list, first page (50, by name)', path: '/api/v1/stakeholders' },
  { name: 'list, page from a cursor mid-way', path: `/api/v1/stakeholders?cursor=${middleCursor}` },
  {
    name: 'list, category + quadrant, by -influence',
    path: '/api/v1/stakeholders?category=customer,supplier&quadrant=manage_closely&sort=-influence',
  },
  { name: 'list, tag filter', path: `/api/v1/stakeholders?tag=${encodeURIComponent('key account')}` },
  { name: 'list, search q=12345', path: '/api/v1/stakeholders?q=12345' },
  {
    name: 'list, search q=科技 with count',
    path: `/api/v1/stakeholders?q=${encodeURIComponent('科技')}&count=true`,
  },
  { name: 'get one by id', path: `/api/v1/stakeholders/${sample?.id}` },
  {
    name: 'create (write + assessment + audit)',
    path: '/api/v1/stakeholders',
    method: 'POST',
    body: JSON.stringify({
      name: 'Bench write',
      category: 'customer',
      influence: 3,
      interest: 4,
      tags: ['bench'],
    }),
  },
];

const results: Record<string, string | number>[] = [];
for (const scenario of scenarios) {
  const result = await autocannon({
    url: `${base}${scenario.path}`,
    method: scenario.method ?? 'GET',
    body: scenario.body,
    // The load generator runs in a worker thread so it does not share the server's event loop.
    workers: 1,
    connections: 10,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  const bad = result.non2xx + result.errors;
  results.push({
    scenario: scenario.name,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    failed: bad,
  });
}
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
console.table(results);
console.log(
  `Server process RSS after the run: ${rssMb} MB; ${os.cpus().length} cores; Node ${process.version}`,
);

await app.close();
await database.close();
if (pgUrl) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`drop schema ${schema} cascade`);
  await client.end();
}
fs.rmSync(tmp, { recursive: true, force: true });
