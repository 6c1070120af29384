import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './webhook.sender.js';

describe('the webhook sender', () => {
  let server: http.Server;
  let port = 0;
  const hosts: (string | undefined)[] = [];
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      hosts.push(request.headers.host);
      request.resume();
      request.on('end', () => response.end('ok'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const request = { secret: 'x', eventType: 'ping', deliveryId: 'd1', body: '{}', at: new Date() };
  const target = () => ({
    url: new URL(`http://hooks.rapport.invalid:${port}/in`),
    addresses: [{ address: '127.0.0.1', family: 4 }],
  });

  it('checks the connected address again, so a target it was handed unchecked gets nothing', async () => {
    const result = await send(target(), request, 2_000, false);
    expect(result).toMatchObject({ ok: false, statusCode: null });
    expect(result.error).toContain('refused: connected to 127.0.0.1');
    expect(hosts).toHaveLength(0);
  });

  it('sends to the pinned address with the URL host in the Host header when allowed', async () => {
    const result = await send(target(), request, 2_000, true);
    expect(result).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(hosts).toEqual([`hooks.rapport.invalid:${port}`]);
  });

  it('refuses a socket connected to an address that was not checked', async () => {
    // A literal IP is connected to without a lookup: here the list "checked" does not hold it.
    const mismatched = {
      url: new URL(`http://127.0.0.1:${port}/in`),
      addresses: [{ address: '8.8.8.8', family: 4 }],
    };
    const result = await send(mismatched, request, 2_000, true);
    expect(result.error).toContain('an address not checked');
    expect(hosts).toHaveLength(1);
  });

  it('tries the checked addresses in turn when the first does not answer', async () => {
    const both = {
      url: new URL(`http://hooks.rapport.invalid:${port}/in`),
      addresses: [
        { address: '::1', family: 6 },
        { address: '127.0.0.1', family: 4 },
      ],
    };
    const result = await send(both, request, 2_000, true);
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    expect(hosts).toHaveLength(2);
  });
});
