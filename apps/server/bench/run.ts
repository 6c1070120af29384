/**
 * npm run bench — Rapport at the size of a large organisation.
 *
 * Builds an organisation of BENCH_SCALE stakeholders (default 100,000) with twice as many relationships and ten
 * interactions per relationship (`seedScale`), starts the real server (and the bare handler) as child processes
 * on loopback, and measures through HTTP with autocannon: the list with a filter and sort (first and deep page)
 * against the bare handler, search by name, the map data, one stakeholder's history, the journey board of the
 * largest model (all, and one agent's), the busiest relationship and stakeholder timelines, the busiest agent's
 * "my work", the dashboard (cold after a change, then cached), the KPI catalogue, and a CSV import of BENCH_SCALE
 * rows. On SQLite, and on PostgreSQL too when
 * RAPPORT_BENCH_POSTGRES_URL is set (a database of its own, dropped afterwards); or only on BENCH_DATABASE_URL, an
 * organisation seeded beforehand with `rapport seed --scale BENCH_SCALE`. Writes bench/results/latest.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { DB } from '../src/db/schema.js';
import { seedScale } from '../src/features/demo/scale.seed.js';
import { createServices } from '../src/services.js';
import { encodeCursor } from '../src/shared/pagination.js';

const scale = Number(process.env.BENCH_SCALE ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
const pgBase = process.env.RAPPORT_BENCH_POSTGRES_URL;
/**
 * An organisation already seeded with `rapport seed --scale BENCH_SCALE` and given an administrator
 * (`rapport user create`), measured as it is (no seeding).
 */
const reuse = process.env.BENCH_DATABASE_URL;
const serverRoot = path.resolve(import.meta.dirname, '..');

interface Measured {
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  failed: number;
  rssMb?: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);

/** Runs autocannon and keeps every response time, so p95 is computed exactly. */
function load(scenario: string, url: string, token: string, conns = connections): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      { url, connections: conns, duration: seconds, headers: { authorization: `Bearer ${token}` } },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          scenario,
          requests: result.requests.total,
          rps: Math.round(result.requests.average),
          p50: Math.round(percentile(times, 50) * 10) / 10,
          p95: Math.round(percentile(times, 95) * 10) / 10,
          p99: Math.round(percentile(times, 99) * 10) / 10,
          failed: result.non2xx + result.errors,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

function start(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: serverRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`did not start: ${output}`)), 60_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    if (ready === '') {
      clearTimeout(timer);
      resolve(child);
    }
  });
}

const rssMb = (child: ChildProcess) => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

/** Memory the process allocated itself (the memory-mapped database file is page cache, counted apart). */
const anonRssMb = (child: ChildProcess) => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

const peakRssMb = (child: ChildProcess) => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

async function prepare(dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-bench-'));
    return {
      url: `sqlite:${path.join(dir, 'bench.db')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `rapport_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgBase as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: pgBase });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A CSV import of `scale` new stakeholders through HTTP, then its undo: time and the server's peak memory. */
async function measureImport(base: string, token: string, server: ChildProcess, dialect: string) {
  const header = 'ref,name,category,influence,interest,email\n';
  const rows = Array.from(
    { length: scale },
    (_, i) =>
      `imp-${i},Imported ${i} 导入,customer,${(i % 5) + 1},${((i * 3) % 5) + 1},imported${i}@bench.example`,
  );
  const csv = `${header}${rows.join('\n')}\n`;
  const form = new FormData();
  form.set(
    'mapping',
    JSON.stringify({
      ref: 'externalRef',
      name: 'name',
      category: 'category',
      influence: 'influence',
      interest: 'interest',
      email: 'emails',
    }),
  );
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
  const peakBeforeImportMb = peakRssMb(server);
  let started = performance.now();
  const imported = await fetch(`${base}/api/v1/imports/stakeholders`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const importSeconds = (performance.now() - started) / 1000;
  const peakAfterImportMb = peakRssMb(server);
  const importResult = (await imported.json()) as { importId: string; created: number };
  console.log(
    `[${dialect}] CSV import of ${scale.toLocaleString()} rows (${(csv.length / 1e6).toFixed(1)} MB): ${importSeconds.toFixed(1)} s, created ${importResult.created}`,
  );
  started = performance.now();
  await fetch(`${base}/api/v1/imports/${importResult.importId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  const undoSeconds = (performance.now() - started) / 1000;

  return {
    importSeconds: Math.round(importSeconds * 10) / 10,
    importCreated: importResult.created,
    undoSeconds: Math.round(undoSeconds * 10) / 10,
    peakBeforeImportMb,
    peakAfterImportMb,
  };
}

/** What the journey scenarios read: the largest model's board, the busiest timelines, the busiest agent's work. */
async function journeyTargets(db: Kysely<DB>) {
  const model = await db
    .selectFrom('relationship_positions')
    .select(['model_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('open', '=', 1)
    .where('model_id', 'is not', null)
    .groupBy('model_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const agent = await db
    .selectFrom('relationships')
    .select(['agent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agent_id', 'is not', null)
    .where('status', '=', 'active')
    .groupBy('agent_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const relationship = await db
    .selectFrom('interactions')
    .select(['relationship_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('relationship_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const stakeholder = await db
    .selectFrom('interaction_stakeholders')
    .select(['stakeholder_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('stakeholder_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    model: { id: model.model_id as string, open: Number(model.n) },
    agent: { id: agent.agent_id as string, relationships: Number(agent.n) },
    relationship: { id: relationship.relationship_id as string, interactions: Number(relationship.n) },
    stakeholder: { id: stakeholder.stakeholder_id, interactions: Number(stakeholder.n) },
  };
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const target = reuse ? { url: reuse, drop: async () => {} } : await prepare(dialect);
  const database = openDatabase(target.url);
  await migrateToLatest(database);
  const services = createServices(database.db, { sessionDays: 1 });
  const admin = reuse
    ? await database.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('role', '=', 'administrator')
        .where('deactivated_at', 'is', null)
        .executeTakeFirstOrThrow()
    : await services.users.createFirstAdmin({
        email: 'bench@example.com',
        name: 'Bench',
        password: 'bench-password',
      });
  const actor = { id: admin.id, name: admin.name, role: 'administrator' as const, via: 'token' as const };
  const { token } = await services.auth.createToken(actor, 'bench');

  let started = performance.now();
  let seeded: Awaited<ReturnType<typeof seedScale>> | null = null;
  if (!reuse) {
    console.log(
      `[${dialect}] generating ${scale.toLocaleString()} stakeholders, ${(scale * 2).toLocaleString()} relationships and ${(scale * 20).toLocaleString()} interactions…`,
    );
    seeded = await seedScale(database.db, scale, { seed: 42 });
  }
  const seedSeconds = (performance.now() - started) / 1000;
  // As a database in use would be: SQLite's planner statistics, PostgreSQL's autovacuum (visibility map, stats).
  await (dialect === 'sqlite' ? sql`pragma optimize = 0x10002` : sql`vacuum analyze`).execute(database.db);

  const listFilter = 'category=customer,supplier,partner&sort=-influence';
  const middle = await database.db
    .selectFrom('stakeholders')
    .select(['influence', 'id'])
    .where('category', 'in', ['customer', 'supplier', 'partner'])
    .where('archived_at', 'is', null)
    .orderBy('influence', 'desc')
    .orderBy('id', 'desc')
    .offset(Math.floor(scale / 40))
    .limit(1)
    .executeTakeFirstOrThrow();
  const deepCursor = encodeCursor(middle.influence, middle.id);
  const journeys = await journeyTargets(database.db);
  const agentToken = (
    await services.auth.createToken(
      { id: journeys.agent.id, name: 'Agent', role: 'relationship_agent', via: 'token' },
      'bench-agent',
    )
  ).token;
  const busiest = await database.db
    .selectFrom('stakeholder_assessments')
    .select((eb) => ['stakeholder_id', eb.fn.countAll<number>().as('n')])
    .groupBy('stakeholder_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  await database.close();

  const serverPort = 3400;
  const barePort = 3401;
  const server = await start(
    ['bin/rapport.mjs', 'serve'],
    {
      DATABASE_URL: target.url,
      PORT: String(serverPort),
      LOG_LEVEL: 'warn',
      RAPPORT_WEB_DIST: '/nonexistent',
    },
    '',
  );
  const base = `http://127.0.0.1:${serverPort}`;
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${base}/api/v1/health`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const bare = await start(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    { DATABASE_URL: target.url, PORT: String(barePort) },
    'bare ',
  );
  const bareBase = `http://127.0.0.1:${barePort}`;

  const results: Measured[] = [];
  const run = async (scenario: string, url: string, conns?: number, as = token) => {
    const measured = { ...(await load(scenario, url, as, conns)), rssMb: rssMb(server) };
    results.push(measured);
    console.log(
      `[${dialect}] ${scenario}: ${measured.rps} req/s, p50 ${measured.p50} ms, p95 ${measured.p95} ms, p99 ${measured.p99} ms`,
    );
  };
  await run('list: filter + sort, first page', `${base}/api/v1/stakeholders?${listFilter}`);
  await run('bare handler: same query, first page', `${bareBase}/bare/stakeholders`);
  await run(
    'list: filter + sort, deep page',
    `${base}/api/v1/stakeholders?${listFilter}&cursor=${deepCursor}`,
  );
  await run('bare handler: same query, deep page', `${bareBase}/bare/stakeholders?cursor=${deepCursor}`);
  await run('search by name (q=rossi)', `${base}/api/v1/stakeholders?q=rossi`);
  await run('search by name, Chinese (q=王)', `${base}/api/v1/stakeholders?q=${encodeURIComponent('王')}`);
  await run(`map data (${scale.toLocaleString()} points)`, `${base}/api/v1/stakeholders/map`, 1);
  // A map after a change is built afresh: measured once, cold, beside the cached figure above.
  const auth = { authorization: `Bearer ${token}` };
  const busy = (await (
    await fetch(`${base}/api/v1/stakeholders/${busiest.stakeholder_id}`, { headers: auth })
  ).json()) as {
    version: number;
    interest: number;
  };
  await fetch(`${base}/api/v1/stakeholders/${busiest.stakeholder_id}`, {
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': `"${busy.version}"` },
    body: JSON.stringify({ interest: busy.interest === 5 ? 4 : 5 }),
  });
  started = performance.now();
  await (await fetch(`${base}/api/v1/stakeholders/map`, { headers: auth })).text();
  const coldMapMs = Math.round(performance.now() - started);
  console.log(`[${dialect}] map data after a change (cold): ${coldMapMs} ms`);
  await run(
    'one stakeholder with its history',
    `${base}/api/v1/stakeholders/${busiest.stakeholder_id}/assessments`,
  );
  const board = `${base}/api/v1/relationships/board?modelId=${journeys.model.id}`;
  await run(
    `journey board: largest model (${journeys.model.open.toLocaleString()} open), 20 cards per step`,
    board,
  );
  await run(
    `journey board: largest model, one agent's (${journeys.agent.relationships})`,
    `${board}&agentId=${journeys.agent.id}`,
  );
  await run(
    `relationship timeline (${journeys.relationship.interactions} interactions), first page`,
    `${base}/api/v1/interactions?relationshipId=${journeys.relationship.id}`,
  );
  await run(
    `stakeholder timeline (${journeys.stakeholder.interactions} interactions), first page`,
    `${base}/api/v1/interactions?stakeholderId=${journeys.stakeholder.id}`,
  );
  await run(
    `my work: agent with ${journeys.agent.relationships} relationships`,
    `${base}/api/v1/me/work`,
    undefined,
    agentToken,
  );

  // The dashboard's first answer after a change is computed afresh (health of every active relationship, the
  // largest model's journey history): measured once, cold; then the answer kept until the next change.
  started = performance.now();
  const firstDashboard = await fetch(`${base}/api/v1/dashboard`, { headers: auth });
  await firstDashboard.text();
  const coldDashboardMs = Math.round(performance.now() - started);
  console.log(
    `[${dialect}] dashboard after a change (cold): ${coldDashboardMs} ms (${firstDashboard.status})`,
  );
  await run('dashboard', `${base}/api/v1/dashboard`);
  // The same for the KPI catalogue (the dashboard page shows it too): its first answer since the change, then kept.
  started = performance.now();
  const firstKpis = await fetch(`${base}/api/v1/kpis`, { headers: auth });
  await firstKpis.text();
  const coldKpisMs = Math.round(performance.now() - started);
  console.log(`[${dialect}] KPI catalogue after a change (cold): ${coldKpisMs} ms (${firstKpis.status})`);
  await run('KPI catalogue', `${base}/api/v1/kpis`);

  // An organisation measured as it is is not given 100,000 more stakeholders.
  const imported = reuse ? null : await measureImport(base, token, server, dialect);

  const serverPeakRssMb = peakRssMb(server);
  const serverAnonRssMb = anonRssMb(server);
  server.kill('SIGTERM');
  bare.kill('SIGTERM');
  await target.drop();

  const byName = (prefix: string) => results.find((r) => r.scenario.startsWith(prefix)) as Measured;
  const ratio = (real: Measured, bareRun: Measured) =>
    Math.round((real.rps / Math.max(1, bareRun.rps)) * 100);
  return {
    dialect,
    scale,
    seeded,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    results,
    listVsBarePercent: {
      firstPage: ratio(byName('list: filter + sort, first'), byName('bare handler: same query, first')),
      deepPage: ratio(byName('list: filter + sort, deep'), byName('bare handler: same query, deep')),
    },
    coldMapMs,
    coldDashboardMs,
    coldKpisMs,
    ...imported,
    serverPeakRssMb,
    serverAnonRssMb,
  };
}

const runs = [];
const dialects = reuse
  ? ([reuse.startsWith('postgres') ? 'postgres' : 'sqlite'] as const)
  : pgBase
    ? (['sqlite', 'postgres'] as const)
    : (['sqlite'] as const);
for (const dialect of dialects) runs.push(await benchDialect(dialect));
const report = {
  at: new Date().toISOString(),
  machine: { cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  settings: { scale, seconds, connections },
  targets: {
    listAndSearchP95Ms: 20,
    journeyP95Ms: 50,
    dashboardP95Ms: 150,
    listVsBareMinPercent: 60,
    mapMs: 100,
    importSeconds: 10,
    serverRssMb: 300,
  },
  runs,
};
for (const r of runs) {
  console.log(
    `\n== ${r.dialect}: ${scale.toLocaleString()} stakeholders, ${connections} connections, ${seconds} s per scenario`,
  );
  console.table(r.results);
  console.log(
    `list vs bare handler: ${r.listVsBarePercent.firstPage}% (first page), ${r.listVsBarePercent.deepPage}% (deep page); ` +
      `map after a change ${r.coldMapMs} ms; dashboard after a change ${r.coldDashboardMs} ms; KPI catalogue after a change ${r.coldKpisMs} ms; import ${r.importSeconds} s, undo ${r.undoSeconds} s; server peak RSS ${r.serverPeakRssMb} MB (allocated now ${r.serverAnonRssMb} MB); seeding took ${r.seedSeconds} s`,
  );
}
const out = path.resolve(serverRoot, '..', '..', 'bench', 'results', 'latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWritten ${path.relative(process.cwd(), out)}`);
