// `npm run fuzz`: the property-based fuzz test of every API operation, longer than in `npm test`.
// RAPPORT_FUZZ_RUNS (requests per database, default 5,000) and RAPPORT_FUZZ_SEED (default: a new one each
// run, printed, so a failure can be replayed with the same seed).
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  RAPPORT_FUZZ_RUNS: process.env.RAPPORT_FUZZ_RUNS ?? '5000',
  RAPPORT_FUZZ_SEED: process.env.RAPPORT_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31)),
};
console.log(
  `fuzzing with RAPPORT_FUZZ_RUNS=${env.RAPPORT_FUZZ_RUNS} RAPPORT_FUZZ_SEED=${env.RAPPORT_FUZZ_SEED}`,
);
const result = spawnSync(
  'npx',
  ['vitest', 'run', 'apps/server/test/api/fuzz.test.ts', '--testTimeout=0', '--silent=false'],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
