#!/usr/bin/env node
// The measure of "writers take turns": a real `rapport serve` on a SQLite file takes a write every 100 ms through
// HTTP while `rapport import stakeholders` of N rows and then `rapport demo` run beside it as separate processes.
// Reports failed server writes and the longest wait. Usage: npm run bench:writers -- [rows=10000]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const rows = Number(process.argv[2] ?? 10_000);
const bin = path.resolve(import.meta.dirname, '../bin/rapport.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-writers-'));
const admin = { email: 'bench@example.com', password: 'a-long-password' };
const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'rapport.db')}`,
  PORT: String(port),
  LOG_LEVEL: 'warn',
  RAPPORT_WEB_DIST: '/nonexistent',
  RAPPORT_ADMIN_EMAIL: admin.email,
  RAPPORT_ADMIN_PASSWORD: admin.password,
};
const base = `http://127.0.0.1:${port}`;

function run(args) {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise((resolve) =>
    child.on('exit', (code) =>
      resolve({ code, seconds: (performance.now() - started) / 1000, out: out.split('\r').at(-1).trim() }),
    ),
  );
}

const server = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
for (let i = 0; ; i += 1) {
  const ok = await fetch(`${base}/api/v1/ready`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 600) throw new Error('the server did not get ready');
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const session = await fetch(`${base}/api/v1/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: base },
  body: JSON.stringify(admin),
});
const cookie = /rapport_session=[^;]+/.exec(session.headers.get('set-cookie') ?? '')?.[0];

const writes = [];
let phase = 'idle';
let writing = true;
const inFlight = new Set();
const writer = (async () => {
  for (let i = 0; writing; i += 1) {
    const started = performance.now();
    const during = phase;
    const request = fetch(`${base}/api/v1/stakeholders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, cookie },
      body: JSON.stringify({ name: `Server write ${i}`, category: 'customer', influence: 3, interest: 3 }),
    })
      .then(
        async (response) => ({ status: response.status, body: response.ok ? '' : await response.text() }),
        (error) => ({ status: 0, body: String(error) }),
      )
      .then(({ status, body }) => {
        writes.push({ during, status, ms: performance.now() - started, body });
      });
    inFlight.add(request);
    request.finally(() => inFlight.delete(request));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
})();

const csv = path.join(dir, 'people.csv');
fs.writeFileSync(
  csv,
  `External ref,Name,Category,Influence,Interest\n${Array.from(
    { length: rows },
    (_, i) => `bench-${i},Bench stakeholder ${i},customer,${(i % 5) + 1},${((i * 7) % 5) + 1}`,
  ).join('\n')}\n`,
);
await new Promise((resolve) => setTimeout(resolve, 1000));
phase = 'import';
const imported = await run(['import', 'stakeholders', csv]);
phase = 'demo';
const demo = await run(['demo']);
phase = 'after';
await new Promise((resolve) => setTimeout(resolve, 500));
writing = false;
await writer;
await Promise.all(inFlight);
server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));
fs.rmSync(dir, { recursive: true, force: true });

const summary = (list) => {
  const ms = list.map((w) => w.ms).sort((a, b) => a - b);
  return {
    writes: list.length,
    failed: list.filter((w) => w.status !== 201).length,
    longestMs: Math.round(ms.at(-1) ?? 0),
    p99Ms: Math.round(ms[Math.floor(ms.length * 0.99)] ?? 0),
    medianMs: Math.round(ms[Math.floor(ms.length / 2)] ?? 0),
  };
};
console.log(`rows imported beside the server: ${rows}`);
console.log(
  `import: exit ${imported.code} in ${imported.seconds.toFixed(1)} s — ${imported.out.split('\n').at(-1)}`,
);
console.log(`demo:   exit ${demo.code} in ${demo.seconds.toFixed(1)} s — ${demo.out.split('\n').at(-1)}`);
console.table({
  'during import': summary(writes.filter((w) => w.during === 'import')),
  'during demo': summary(writes.filter((w) => w.during === 'demo')),
  all: summary(writes),
});
for (const failure of writes.filter((w) => w.status !== 201).slice(0, 5))
  console.log(`failed write (${failure.during}): ${failure.status} ${failure.body.slice(0, 200)}`);
process.exit(imported.code === 0 && demo.code === 0 && writes.every((w) => w.status === 201) ? 0 : 1);
