import type { Locator, Page } from '@playwright/test';

export class StakeholderListPage {
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Stakeholders' });
    this.createButton = page.getByRole('link', { name: 'New stakeholder' });
    this.table = page.getByRole('table', { name: 'Stakeholders' });
    this.search = page.getByRole('searchbox', { name: 'Search' });
  }

  async goto() {
    await this.page.goto('/stakeholders');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}
