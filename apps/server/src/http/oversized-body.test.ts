import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/databases.js';
import { createHarness, type Harness, ORIGIN } from '../../test/harness.js';
import { DRAIN_BYTES } from './oversized-body.js';

/** Through a real socket and Node's own fetch (undici, keep-alive), not `inject`: the connection is the point. */
describe.each(dialects)('a body over the limit, over a real connection, on %s', (dialect) => {
  let h: Harness;
  let url: string;
  let connections = 0;
  beforeAll(async () => {
    h = await createHarness(dialect);
    url = await h.app.listen({ port: 0, host: '127.0.0.1' });
    h.app.server.on('connection', () => {
      connections += 1;
    });
  });
  afterAll(() => h.close());

  const headers = () => ({ 'content-type': 'application/json', cookie: h.admin.cookie, origin: ORIGIN });
  const stakeholderOf = (bytes: number) =>
    JSON.stringify({ name: 'x'.repeat(bytes), category: 'customer', influence: 3, interest: 3 });

  async function expectTooLarge(response: Response) {
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      status: 413,
      detail: 'A request body may be 1 MB at most',
    });
  }

  it('answers five 3 MB bodies in a row with the 413 problem, then serves the next request', async () => {
    const body = stakeholderOf(3 * 1024 * 1024);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await fetch(`${url}/api/v1/stakeholders`, {
        method: 'POST',
        headers: headers(),
        body,
      });
      expect(response.headers.get('connection')).not.toBe('close');
      await expectTooLarge(response);
    }
    const created = await fetch(`${url}/api/v1/stakeholders`, {
      method: 'POST',
      headers: headers(),
      body: stakeholderOf(20),
    });
    expect(created.status).toBe(201);
    expect(await h.count('stakeholders')).toBe(1);
  });

  it('keeps the connection after a 413: the next request on the same socket is answered', async () => {
    const before = connections;
    const { port } = new URL(url);
    const body = stakeholderOf(3 * 1024 * 1024);
    const socket = net.connect(Number(port), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const ended = new Promise((resolve) => socket.on('end', resolve));
    const common = `Host: 127.0.0.1:${port}\r\nOrigin: ${ORIGIN}\r\nCookie: ${h.admin.cookie}\r\n`;
    socket.write(
      `POST /api/v1/stakeholders HTTP/1.1\r\n${common}Content-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}` +
        `GET /api/v1/me HTTP/1.1\r\n${common}Connection: close\r\n\r\n`,
    );
    await ended;
    const answers = Buffer.concat(received).toString('utf8');
    expect(answers.match(/HTTP\/1\.1 \d{3}/g)).toEqual(['HTTP/1.1 413', 'HTTP/1.1 200']);
    expect(connections - before).toBe(1);
  });

  it('answers a body bigger than it will read with the 413 and a clean close, and the client carries on', async () => {
    const response = await fetch(`${url}/api/v1/stakeholders`, {
      method: 'POST',
      headers: headers(),
      body: stakeholderOf(DRAIN_BYTES + 1024 * 1024),
    });
    expect(response.headers.get('connection')).toBe('close');
    await expectTooLarge(response);
    const me = await fetch(`${url}/api/v1/me`, { headers: headers() });
    expect(me.status).toBe(200);
  });

  it('answers a streamed body of unknown length that runs over the limit with the 413', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x78);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"name":"'));
        sent += chunk.length;
        if (sent > 8 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${url}/api/v1/stakeholders`, {
      method: 'POST',
      headers: headers(),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectTooLarge(response);
    const me = await fetch(`${url}/api/v1/me`, { headers: headers() });
    expect(me.status).toBe(200);
  });
});
