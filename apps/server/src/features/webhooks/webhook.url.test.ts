import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress, parseWebhookUrl } from './webhook.url.js';

describe('webhook URL rules', () => {
  it('knows loopback, private, link-local, unique-local and their IPv4-mapped forms', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '::',
      '::1',
      'fe80::1',
      'fc00::1',
      'fdab::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '::ffff:c0a8:101',
      'not-an-address',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of [
      '8.8.8.8',
      '172.32.0.1',
      '192.169.0.1',
      '2001:db8::1',
      '::ffff:8.8.8.8',
      '2606:4700::1111',
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('checks the syntax before anything else', () => {
    expect(parseWebhookUrl('https://example.com/hook?x=1')).toBeInstanceOf(URL);
    expect(parseWebhookUrl('file:///etc/passwd')).toContain('http');
    expect(parseWebhookUrl('https://a@example.com/')).toContain('user name');
    expect(parseWebhookUrl('https://example.com/#')).toContain('fragment');
  });

  it('refuses a host when any of its addresses is private, unless allowed', async () => {
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
