import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may reach. The ranges come from ipaddr.js (IANA's special-purpose registries),
 * not from a list kept here: an address is a *public* target only when it is globally routable unicast.
 * IPv6 forms that carry an IPv4 address (mapped ::ffff:0:0/96, translated ::ffff:0:0:0/96, compatible ::/96,
 * NAT64 64:ff9b::/96 and 64:ff9b:1::/96, 6to4 2002::/16) are judged by the IPv4 address they carry; Teredo
 * (2001::/32) hides its target behind an obfuscated address and is refused.
 */
export interface AddressClass {
  /** Globally routable unicast: always allowed. */
  public: boolean;
  /** Allowed with RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true (loopback, private, reserved…); never multicast. */
  privateUnicast: boolean;
  /** ipaddr.js's name for the range ("private", "loopback", "uniqueLocal", …), with the embedded IPv4's. */
  range: string;
}

/** Not a host one connects to, whatever the setting. */
const NEVER = new Set(['unspecified', 'broadcast', 'multicast', 'teredo', 'not an IP address']);

const ipv4From = (high: number, low: number) =>
  ipaddr.fromByteArray([high >> 8, high & 255, low >> 8, low & 255]) as ipaddr.IPv4;

/** The IPv4 address an IPv6 address carries, when it is one of the embedding forms. */
function embeddedIpv4(address: ipaddr.IPv6): { via: string; ipv4: ipaddr.IPv4 } | 'refused' | null {
  const p = address.parts as [number, number, number, number, number, number, number, number];
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return { via: range, ipv4: ipv4From(p[6], p[7]) };
  if (range === 'rfc6052') {
    // 64:ff9b::/96 (RFC 6052) carries the IPv4 in its last 32 bits; the local-use 64:ff9b:1::/48 (RFC 8215)
    // may place it elsewhere, so only its /96 form (bits 48–95 zero) is read, any other is refused.
    const wellKnown = p[0] === 0x64 && p[1] === 0xff9b && p[2] === 0;
    if (!wellKnown && (p[3] !== 0 || p[4] !== 0 || p[5] !== 0)) return 'refused';
    return { via: 'nat64', ipv4: ipv4From(p[6], p[7]) };
  }
  if (range === '6to4') return { via: '6to4', ipv4: ipv4From(p[1], p[2]) };
  // IPv4-compatible ::a.b.c.d (deprecated, still parsed by stacks); :: and ::1 are judged as themselves.
  if (p.slice(0, 6).every((part) => part === 0) && range !== 'unspecified' && range !== 'loopback') {
    return { via: 'ipv4Compatible', ipv4: ipv4From(p[6], p[7]) };
  }
  return null;
}

function classifyIpv4(address: ipaddr.IPv4): AddressClass {
  const range = address.range();
  return { public: range === 'unicast', privateUnicast: !NEVER.has(range), range };
}

export function classifyAddress(text: string): AddressClass {
  // node:net's isIP is strict (no "127.1", no octal); ipaddr.js is then only asked about real addresses.
  const family = isIP(text);
  if (family === 0) return { public: false, privateUnicast: false, range: 'not an IP address' };
  const parsed = ipaddr.parse(text);
  if (parsed.kind() === 'ipv4') return classifyIpv4(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded === 'refused') return { public: false, privateUnicast: false, range: 'rfc6052' };
  if (embedded) {
    const inner = classifyIpv4(embedded.ipv4);
    return { ...inner, range: `${embedded.via} ${embedded.ipv4.toString()} (${inner.range})` };
  }
  const range = v6.range();
  // Global unicast is 2000::/3 (RFC 4291); the rest of "unicast" in ipaddr.js is unassigned space.
  const inGlobalBlock = (v6.parts[0] ?? 0) >> 13 === 1;
  return {
    public: range === 'unicast' && inGlobalBlock,
    privateUnicast: !NEVER.has(range),
    range: range === 'unicast' && !inGlobalBlock ? 'unassigned' : range,
  };
}

/** The rule of RAPPORT_WEBHOOKS_ALLOW_PRIVATE, in one place. */
export function isAllowedTarget(address: string, allowPrivate: boolean): boolean {
  const found = classifyAddress(address);
  return found.public || (allowPrivate && found.privateUnicast);
}

/** The same address however it is written (`::ffff:7f00:1` and `::ffff:127.0.0.1`, zero runs, case). */
export function sameAddress(a: string, b: string): boolean {
  if (isIP(a) === 0 || isIP(b) === 0) return false;
  const normal = (text: string) => {
    const parsed = ipaddr.process(text);
    return `${parsed.kind()}:${parsed.toNormalizedString()}`;
  };
  return normal(a) === normal(b);
}
