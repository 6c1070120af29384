import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../fixtures/test';
import { WebhooksPage } from '../page-models/webhook-pages';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

test.describe('Webhooks', () => {
  const received: Received[] = [];
  let server: http.Server;
  let url = '';

  test.beforeAll(async () => {
    // A real receiver on loopback (the e2e server runs with RAPPORT_WEBHOOKS_ALLOW_PRIVATE=true).
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rapport-${Date.now()}`;
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('an administrator registers a webhook, copies its secret and sees a test delivery succeed', async ({
    adminPage: page,
  }) => {
    const webhooks = new WebhooksPage(page);
    await webhooks.open();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

    await webhooks.register(url, [
      { entity: 'Stakeholders', event: 'Created' },
      { entity: 'Relationships', event: 'Archived' },
    ]);
    await expect(webhooks.secret()).toHaveText(/^[0-9a-f]{64}$/);
    const secret = (await webhooks.secret().textContent()) ?? '';
    await expect(page.getByText('x-rapport-signature', { exact: false }).first()).toBeVisible();
    const row = webhooks.row(url);
    await expect(row).toBeVisible();
    await expect(row.getByText('stakeholder.created')).toBeVisible();

    await row.getByRole('button', { name: 'Test' }).click();
    await expect(webhooks.testResult()).toContainText('Test delivered');
    await expect(webhooks.testResult()).toContainText('200');
    await expect(webhooks.deliveries()).toHaveCount(1);
    await expect(webhooks.deliveries().first()).toContainText('ping');
    await expect(webhooks.deliveries().first()).toContainText('Delivered');

    // The receiver got the ping, signed with the secret the page showed once.
    expect(received).toHaveLength(1);
    const ping = received[0] as Received;
    expect(ping.headers['x-rapport-event']).toBe('ping');
    const timestamp = String(ping.headers['x-rapport-timestamp']);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${ping.body}`).digest('hex');
    expect(ping.headers['x-rapport-signature']).toBe(`sha256=${expected}`);

    // The secret is not shown again after a reload.
    await page.reload();
    await expect(webhooks.row(url)).toBeVisible();
    await expect(webhooks.secret()).toHaveCount(0);
  });
});
