import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { admin, baseURL, port } from './fixtures/env';

// Every run starts from an empty database, so tests never depend on what an earlier run left behind.
const databaseFile = join(tmpdir(), `rapport-e2e-${Date.now()}-${randomUUID()}.db`);

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // Opening a page waits up to a minute for it to be ready (fixtures/ready.ts); a test may open several.
  timeout: 120_000,
  // What a test checks on a ready page: the time a change takes to show on a busy machine.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL,
    locale: 'en-GB',
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node apps/server/bin/rapport.mjs serve',
    cwd: '..',
    url: `${baseURL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databaseFile}`,
      RAPPORT_ADMIN_EMAIL: admin.email,
      RAPPORT_ADMIN_PASSWORD: admin.password,
      // Room for the suite's form sign-ins; the fixtures also reuse one administrator session.
      RAPPORT_SIGNIN_LIMIT: '100',
      // The webhooks spec receives deliveries on a loopback server of its own.
      RAPPORT_WEBHOOKS_ALLOW_PRIVATE: 'true',
    },
  },
});
