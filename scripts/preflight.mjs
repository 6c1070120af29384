// Checks what the test command needs outside node_modules, and says how to get what is missing.
import fs from 'node:fs';
import net from 'node:net';

const problems = [];
if (!fs.existsSync('/usr/bin/chromium')) {
  problems.push(
    'Chromium is missing: install it with `apt-get install chromium` (browser tests use /usr/bin/chromium).',
  );
}
const pgUrl = process.env.RAPPORT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (pgUrl !== 'off') {
  const { hostname, port } = new URL(pgUrl);
  const reachable = await new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
  if (!reachable) {
    problems.push(
      `PostgreSQL does not answer at ${hostname}:${port || 5432}: start it, set RAPPORT_TEST_POSTGRES_URL, ` +
        'or RAPPORT_TEST_POSTGRES_URL=off to test on SQLite only.',
    );
  }
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
