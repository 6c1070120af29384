import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    // Password hashing (argon2id) and PostgreSQL schemas make some tests slower than a unit test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['apps/server/test/global-setup.ts'],
    // Vitest's default is one worker per core less one: a single worker on 2 cores, the other core idle while
    // tests wait on PostgreSQL and the disk. One per core: six database test files took 112 s instead of 200 s
    // on a busy 2-core machine. (One more than the cores made the tests that start `rapport` processes time out
    // on an overloaded machine.)
    maxWorkers: availableParallelism(),
  },
});
