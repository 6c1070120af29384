import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, signInTo, startServe } from '../../../test/serve-process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-shutdown-'));
const databaseUrl = `sqlite:${path.join(dir, 'rapport.db')}`;

/** Sends the head and half the body of a POST, and returns a function that sends the rest and reads the answer. */
function startPost(base: string, urlPath: string, cookie: string, body: string) {
  const url = new URL(urlPath, base);
  const request = http.request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      origin: base,
      cookie,
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return () => {
    request.end(body.slice(half));
    return answer;
  };
}

describe('rapport serve on SIGTERM', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finishes the request under way, exits 0 with the database closed, and a restart serves at once', async () => {
    const port = await freePort();
    const first = await startServe(databaseUrl, port);
    const cookie = await signInTo(first.base);
    const finish = startPost(
      first.base,
      '/api/v1/stakeholders',
      cookie,
      JSON.stringify({ name: 'Sent across a shutdown', category: 'customer', influence: 4, interest: 2 }),
    );
    // The request is under way (its body half sent) when the signal comes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(first.child.exitCode).toBeNull();
    const answer = await finish();
    expect(answer.status).toBe(201);
    expect(await first.exited).toBe(0);
    // Closed cleanly: SQLite checkpointed and removed its WAL on the last close.
    expect(fs.existsSync(path.join(dir, 'rapport.db-wal'))).toBe(false);

    const second = await startServe(databaseUrl, port);
    try {
      const again = await signInTo(second.base);
      const list = await fetch(`${second.base}/api/v1/stakeholders?q=shutdown`, {
        headers: { cookie: again },
      });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { data: { name: string }[] }).data.map((s) => s.name)).toEqual([
        'Sent across a shutdown',
      ]);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 120_000);
});
