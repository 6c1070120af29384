import type { Locator, Page } from '@playwright/test';

export class MaterialListPage {
  readonly table: Locator;
  readonly pendingForMe: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Training and awareness' });
    this.pendingForMe = page.getByRole('checkbox', { name: 'Only what I still have to read' });
  }

  async goto() {
    await this.page.goto('/approach/materials');
  }

  row(title: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}

/** A material: its text, the "I have read this" button and who has read which revision. */
export class MaterialDetailPage {
  readonly acknowledge: Locator;
  readonly readAlready: Locator;
  readonly haveRead: Locator;
  readonly notYet: Locator;

  constructor(readonly page: Page) {
    this.acknowledge = page.getByRole('button', { name: 'I have read this' });
    this.readAlready = page.getByText(/^You have read revision \d+\.$/);
    this.haveRead = page.getByRole('table', { name: 'People who have read the current revision' });
    this.notYet = page.getByRole('table', { name: 'People who have not read the current revision yet' });
  }

  async goto(id: string) {
    await this.page.goto(`/approach/materials/${id}`);
  }
}
