import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { sameAddress } from './webhook.address.js';
import { type ResolvedTarget, refusalOf } from './webhook.url.js';

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
 * One POST to a checked target. Name resolution is pinned to the addresses that were checked (no second DNS
 * answer can point the socket elsewhere; Node may still try them in turn, IPv6 and IPv4), the Host header
 * and the TLS server name (SNI and certificate check) keep the URL's host name, and the connected socket's
 * address is checked once more — one of those checked, and allowed — before a byte is sent. Redirects are
 * never followed: a 3xx is an answer like any other non-2xx, recorded with its status and retried.
 */
export function send(
  target: ResolvedTarget,
  request: { secret: string; eventType: string; deliveryId: string; body: string; at: Date },
  timeoutMs = TIMEOUT_MS,
  allowPrivate = false,
): Promise<SendResult> {
  const started = Date.now();
  const timestamp = Math.floor(request.at.getTime() / 1000);
  const checked = target.addresses;
  const pinned: LookupFunction = (_host, options, callback) => {
    const first = checked[0] as { address: string; family: number };
    if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof checked) => void)(null, checked);
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
        lookup: pinned,
        // A fresh connection per attempt: no pooled socket outlives the check that allowed it.
        agent: false,
        method: 'POST',
        timeout: timeoutMs,
        headers: {
          host: target.url.host,
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
        const redirect = code !== null && code >= 300 && code < 400;
        const answered = redirect
          ? `the target answered ${code} (redirects are not followed)`
          : `the target answered ${code}`;
        // The answer's body is not kept; read it (at most 64 KB) so the socket is released.
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > 65_536) response.destroy();
        });
        response.on('end', () => finish(code, answered));
        response.on('close', () => finish(code, answered));
        response.on('error', () => finish(code, answered));
      },
    );
    outgoing.on('socket', (socket: Socket) => {
      socket.once('connect', () => {
        const connected = socket.remoteAddress ?? '';
        const known = checked.some((entry) => sameAddress(entry.address, connected));
        const refusal = known ? refusalOf(connected, allowPrivate) : `${connected}, an address not checked`;
        if (refusal) outgoing.destroy(new Error(`refused: connected to ${refusal}`));
      });
    });
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    outgoing.on('error', (error) => finish(null, error.message.slice(0, 500)));
    outgoing.on('close', () => clearTimeout(timer));
    outgoing.end(request.body);
  });
}
