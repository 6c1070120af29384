import { describe, expect, it } from 'vitest';
import { classifyAddress, isAllowedTarget, sameAddress } from './webhook.address.js';
import { checkWebhookUrl, parseWebhookUrl, refusalOf } from './webhook.url.js';

/** public: allowed always; private: only with RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true; never: not even then. */
type Verdict = 'public' | 'private' | 'never';
const table: [string, Verdict][] = [
  // IPv4 globally routable unicast
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['93.184.216.34', 'public'],
  ['172.32.0.1', 'public'],
  ['192.169.0.1', 'public'],
  ['100.128.0.1', 'public'],
  ['198.20.0.1', 'public'],
  ['223.255.255.254', 'public'],
  // IPv4 loopback, private, shared, link-local and reserved
  ['127.0.0.1', 'private'],
  ['127.255.0.9', 'private'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.0.1', 'private'],
  ['100.64.0.1', 'private'],
  ['100.127.255.254', 'private'],
  ['169.254.169.254', 'private'],
  ['192.0.0.8', 'private'],
  ['192.0.2.1', 'private'],
  ['198.18.0.1', 'private'],
  ['198.19.255.255', 'private'],
  ['198.51.100.7', 'private'],
  ['203.0.113.9', 'private'],
  ['240.0.0.1', 'private'],
  ['0.1.2.3', 'never'],
  ['0.0.0.0', 'never'],
  ['224.0.0.1', 'never'],
  ['239.255.255.250', 'never'],
  ['255.255.255.255', 'never'],
  // IPv6 global unicast
  ['2606:4700::1111', 'public'],
  ['2a00:1450:4001:80b::200e', 'public'],
  ['2001:4860:4860::8888', 'public'],
  // IPv6 loopback, unique-local, link-local, documentation, discard, outside 2000::/3
  ['::1', 'private'],
  ['fc00::1', 'private'],
  ['fdab::1', 'private'],
  ['fe80::1', 'private'],
  ['fec0::1', 'private'],
  ['2001:db8::1', 'private'],
  ['3fff::1', 'private'],
  ['100::1', 'private'],
  ['4000::1', 'private'],
  ['::', 'never'],
  ['ff02::1', 'never'],
  ['ff0e::1', 'never'],
  ['2001::1', 'never'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'never'],
  // IPv4 carried in IPv6: judged by the IPv4 address
  ['::ffff:8.8.8.8', 'public'],
  ['::ffff:127.0.0.1', 'private'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:7f00:1', 'private'],
  ['::ffff:c0a8:101', 'private'],
  ['::ffff:169.254.169.254', 'private'],
  ['::ffff:224.0.0.1', 'never'],
  ['::ffff:0:127.0.0.1', 'private'],
  ['::127.0.0.1', 'private'],
  ['::10.1.2.3', 'private'],
  ['::8.8.8.8', 'public'],
  ['64:ff9b::8.8.8.8', 'public'],
  ['64:ff9b::7f00:1', 'private'],
  ['64:ff9b::a9fe:a9fe', 'private'],
  ['64:ff9b::c0a8:1', 'private'],
  ['64:ff9b:1::8.8.8.8', 'public'],
  ['64:ff9b:1::10.0.0.1', 'private'],
  ['64:ff9b:1:ffff::1', 'never'],
  ['2002:808:808::1', 'public'],
  ['2002:7f00:1::1', 'private'],
  ['2002:a00:1::1', 'private'],
  ['2002:c0a8:101::1', 'private'],
  ['2002:e000:1::1', 'never'],
  // Not an address at all
  ['not-an-address', 'never'],
  ['127.1', 'never'],
  ['', 'never'],
];

describe('webhook address rules', () => {
  it.each(table)('%s is %s', (address, verdict) => {
    const found = classifyAddress(address);
    expect(found.public, found.range).toBe(verdict === 'public');
    expect(isAllowedTarget(address, false), found.range).toBe(verdict === 'public');
    expect(isAllowedTarget(address, true), found.range).toBe(verdict !== 'never');
    expect(refusalOf(address, false) === null).toBe(verdict === 'public');
    expect(refusalOf(address, true) === null).toBe(verdict !== 'never');
  });

  it('names the range and the IPv4 address an IPv6 form carries, and says how to allow it', () => {
    expect(classifyAddress('10.0.0.1').range).toBe('private');
    expect(classifyAddress('2002:a00:1::1').range).toBe('6to4 10.0.0.1 (private)');
    expect(classifyAddress('64:ff9b::7f00:1').range).toBe('nat64 127.0.0.1 (loopback)');
    expect(refusalOf('192.168.1.1', false)).toContain('RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true');
    expect(refusalOf('224.0.0.1', true)).toContain('never');
  });

  it('knows one address however it is written', () => {
    expect(sameAddress('::ffff:7f00:1', '127.0.0.1')).toBe(true);
    expect(sameAddress('2001:DB8:0:0::1', '2001:db8::1')).toBe(true);
    expect(sameAddress('127.0.0.1', '127.0.0.2')).toBe(false);
    expect(sameAddress('localhost', '127.0.0.1')).toBe(false);
  });

  it('checks the syntax before anything else', () => {
    expect(parseWebhookUrl('https://example.com/hook?x=1')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('file:///etc/passwd')).toContain('http');
    expect(parseWebhookUrl('https://a@example.com/')).toContain('user name');
    expect(parseWebhookUrl('https://example.com/#')).toContain('fragment');
  });

  it('refuses a host when any of its addresses is not public, unless allowed', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const refused = await checkWebhookUrl('https://mixed.example/x', { allowPrivate: false, resolve });
    expect(refused).toEqual({ error: expect.stringContaining('10.0.0.7') });
    const allowed = await checkWebhookUrl('https://mixed.example/x', { allowPrivate: true, resolve });
    expect(allowed).toHaveProperty('addresses');
    const unknown = await checkWebhookUrl('https://nowhere.invalid/x', {
      allowPrivate: true,
      resolve: async () => {
        throw new Error('ENOTFOUND');
      },
    });
    expect(unknown).toEqual({ error: expect.stringContaining('cannot be resolved') });
  });
});

describe('webhook URLs with an address for a host', () => {
  it.each([
    ['http://127.0.0.1/x', false],
    ['http://0x7f.1/x', false],
    ['http://2130706433/x', false],
    ['http://[::ffff:127.0.0.1]/x', false],
    ['http://[64:ff9b::a9fe:a9fe]/latest', false],
    ['http://[2002:c0a8:101::1]/x', false],
    ['http://[2001::1]/x', false],
    ['http://198.18.0.1/x', false],
    ['http://192.0.0.1/x', false],
    ['https://8.8.8.8/x', true],
    ['https://[2606:4700::1111]/x', true],
  ])('%s is allowed: %s', async (url, allowed) => {
    const resolve = async () => {
      throw new Error('a literal address is never looked up');
    };
    const checked = await checkWebhookUrl(url, { allowPrivate: false, resolve });
    expect('error' in checked).toBe(!allowed);
  });
});
