import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './webhook.url.js';

export const USER_AGENT = 'Rapport-Webhooks/1';
export const TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, keyed by the webhook's secret (its text, UTF-8). */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  ok: boolean;
}

/**
 * One POST to a checked target. The connection goes to the addresses that were checked (no second DNS answer
 * can point it elsewhere); redirects are not followed; 2xx is delivered, anything else is an error to retry.
 */
export function send(
  target: ResolvedTarget,
  request: { secret: string; eventType: string; deliveryId: string; body: string; at: Date },
  timeoutMs = TIMEOUT_MS,
): Promise<SendResult> {
  const started = Date.now();
  const timestamp = Math.floor(request.at.getTime() / 1000);
  const pinned: LookupFunction = (_host, options, callback) => {
    const all = target.addresses;
    const first = all[0] as { address: string; family: number };
    if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof all) => void)(null, all);
    else callback(null, first.address, first.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ statusCode, error: ok ? null : error, ok, durationMs: Date.now() - started });
    };
    const outgoing = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': USER_AGENT,
          'x-rapport-event': request.eventType,
          'x-rapport-delivery': request.deliveryId,
          'x-rapport-timestamp': String(timestamp),
          'x-rapport-signature': signature(request.secret, timestamp, request.body),
        },
      },
      (response) => {
        const code = response.statusCode ?? null;
        // The answer's body is not kept; read it (at most 64 KB) so the socket is released.
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) response.destroy();
        });
        response.on('end', () => finish(code, `the target answered ${code}`));
        response.on('close', () => finish(code, `the target answered ${code}`));
        response.on('error', () => finish(code, `the target answered ${code}`));
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    outgoing.on('error', (error) => finish(null, error.message.slice(0, 500)));
    outgoing.on('close', () => clearTimeout(timer));
    outgoing.end(request.body);
  });
}
