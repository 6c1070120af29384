import type { Locator, Page } from '@playwright/test';

/** Reports › Value chain: the heat map of guide figure 3.1 and the activity recorded. */
export class ValueChainPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/reports/value-chain');
  }

  cell(activity: string): Locator {
    return this.page.getByTestId(`value-chain-cell-${activity}`);
  }

  level(activity: string): Locator {
    return this.page.getByTestId(`value-chain-level-${activity}`);
  }

  changeButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Change level of ${name}` });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Contribution to ${name}` });
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Activity recorded in Rapport' });
  }
}
