import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './webhook.address.js';

/**
 * Where a webhook may point. Syntax: http(s), no user name or password, no fragment. Address: every address
 * the host resolves to must be globally routable unicast (webhook.address.ts) — others are refused unless
 * RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true, and multicast, broadcast, unspecified and Teredo are refused always.
 * Checked when a URL is saved and again before each delivery (DNS may change); the delivery connects to an
 * address checked here and checks the connected socket's address once more.
 */

/** Why an address may not be reached, or null when it may. */
export function refusalOf(address: string, allowPrivate: boolean): string | null {
  const found = classifyAddress(address);
  if (found.public) return null;
  if (!found.privateUnicast) return `${address} (${found.range}), which webhooks never reach`;
  if (allowPrivate) return null;
  return `${address}, not a public address (${found.range}; allowed only with RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true)`;
}

/** The syntax rules; returns the parsed URL or the reason it is refused. */
export function parseWebhookUrl(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must start with http:// or https://';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.hash !== '' || text.includes('#')) return 'must not have a fragment (#…)';
  if (url.hostname === '') return 'must name a host';
  return url;
}

export interface ResolvedTarget {
  url: URL;
  addresses: { address: string; family: number }[];
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** Syntax, then every address of the host; the error is a sentence for a field error or a delivery's record. */
export async function checkWebhookUrl(
  text: string,
  options: { allowPrivate: boolean; resolve?: Resolver },
): Promise<ResolvedTarget | { error: string }> {
  const url = parseWebhookUrl(text);
  if (typeof url === 'string') return { error: url };
  // URL keeps IPv6 literals in brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      return { error: `the host ${host} cannot be resolved` };
    }
  }
  if (addresses.length === 0) return { error: `the host ${host} cannot be resolved` };
  // One refused address refuses the host: the connection could go to any of them.
  for (const entry of addresses) {
    const refusal = refusalOf(entry.address, options.allowPrivate);
    if (refusal) return { error: `resolves to ${refusal}` };
  }
  return { url, addresses };
}
