import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may point. Syntax: http(s), no user name or password, no fragment. Address: every address
 * the host resolves to must be public — loopback, private, link-local, unique-local, unspecified and their
 * IPv4-mapped IPv6 forms are refused unless RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true. Checked when a URL is saved
 * and again before each delivery (DNS may change), and the delivery connects to the addresses checked.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fe80::', 10],
  ['fc00::', 7],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** `::ffff:127.0.0.1`, `::ffff:7f00:1` and `::127.0.0.1` (IPv4-compatible) name an IPv4 address. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted =
    /^(?:0{0,4}:){0,5}(?:0{0,4}|ffff):((?:\d{1,3}\.){3}\d{1,3})$/.exec(lower) ??
    /^::(?:ffff:)?((?:\d{1,3}\.){3}\d{1,3})$/.exec(lower);
  if (dotted?.[1]) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] && hex[2]) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** True when the address is loopback, private, link-local, unique-local, unspecified, multicast or reserved. */
export function isPrivateAddress(address: string): boolean {
  const mapped = isIP(address) === 6 ? embeddedIpv4(address) : null;
  if (mapped !== null) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked.check(address, 'ipv6');
  return true;
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
  if (!options.allowPrivate) {
    const inside = addresses.find((entry) => isPrivateAddress(entry.address));
    if (inside)
      return {
        error: `resolves to ${inside.address}, a loopback or private address (allowed only with RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true)`,
      };
  }
  return { url, addresses };
}
