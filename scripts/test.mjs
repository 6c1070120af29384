// `npm test`: the preflight, then each stage in turn, with the PostgreSQL the database tests need for as long
// as they need it, and the time each stage took at the end. A stage that fails stops the run; Ctrl+C stops the
// stage, then the PostgreSQL this command started.
import { spawn } from 'node:child_process';
import { preflight } from './preflight.mjs';
import { resolveTestPostgres } from './test-postgres.mjs';

const stages = [
  { name: 'lint (types + Biome)', script: 'lint' },
  { name: 'API and repository tests (Vitest)', script: 'test:unit', postgres: true },
  { name: 'web app build', script: 'build' },
  { name: 'browser tests (Playwright)', script: 'test:e2e' },
];

const timings = [];
let running = null;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    running?.kill(signal);
  });
}

function run(script, env) {
  return new Promise((resolve) => {
    running = spawn('npm', ['run', '--silent', script], { stdio: 'inherit', env });
    running.on('exit', (code, signal) => {
      running = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function report() {
  const width = Math.max(...timings.map((t) => t.name.length));
  console.log('\nWall time by stage:');
  for (const t of timings)
    console.log(`  ${t.name.padEnd(width)}  ${t.seconds.toFixed(0).padStart(5)} s  ${t.outcome}`);
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  console.log(`  ${'total'.padEnd(width)}  ${total.toFixed(0).padStart(5)} s`);
}

async function timed(name, work) {
  const started = performance.now();
  let outcome = 'failed';
  try {
    outcome = (await work()) ? 'passed' : 'failed';
  } finally {
    timings.push({ name, seconds: (performance.now() - started) / 1000, outcome });
  }
  return outcome === 'passed';
}

const passed = await timed('preflight', async () => {
  const { problems, notes } = await preflight();
  for (const note of notes) console.log(`✓ ${note}`);
  for (const problem of problems) console.error(`✗ ${problem}`);
  return problems.length === 0;
});
let failed = !passed;

for (const stage of stages) {
  if (failed || interrupted) break;
  console.log(`\n== ${stage.name}: npm run ${stage.script}`);
  const ok = await timed(stage.name, async () => {
    if (!stage.postgres) return (await run(stage.script, process.env)) === 0;
    const postgres = await resolveTestPostgres();
    console.log(`PostgreSQL for the database tests: ${postgres.description}`);
    try {
      const env = { ...process.env, RAPPORT_TEST_POSTGRES_URL: postgres.url ?? 'off' };
      return (await run(stage.script, env)) === 0;
    } finally {
      await postgres.stop();
    }
  }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    return false;
  });
  if (!ok) failed = true;
}

report();
process.exit(interrupted ? 130 : failed ? 1 : 0);
