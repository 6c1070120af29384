import type { Locator, Page } from '@playwright/test';

/** Admin › Webhooks: register, the secret shown once, test, deliveries. */
export class WebhooksPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'New webhook' });
  }

  async open() {
    await this.page.goto('/admin/webhooks');
  }

  async register(url: string, events: { entity: string; event: string }[]) {
    await this.page.getByTestId('webhook-new').click();
    await this.form.getByRole('textbox', { name: 'Target URL' }).fill(url);
    for (const { entity, event } of events) {
      await this.form.getByRole('checkbox', { name: `${entity}: ${event}` }).check();
    }
    await this.form.getByRole('button', { name: 'Register' }).click();
  }

  secret(): Locator {
    return this.page.getByTestId('webhook-secret');
  }

  row(url: string): Locator {
    return this.page.getByTestId('webhook-row').filter({ hasText: url });
  }

  testResult(): Locator {
    return this.page.getByTestId('webhook-test-result');
  }

  deliveries(): Locator {
    return this.page.getByRole('table', { name: 'Deliveries' }).getByTestId('delivery-row');
  }
}
