import type { Locator, Page } from '@playwright/test';

export class StakeholderFormPage {
  readonly name: Locator;
  readonly category: Locator;
  readonly influence: Locator;
  readonly interest: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Name', exact: true });
    this.category = page.getByRole('combobox', { name: 'Category', exact: true });
    this.influence = page.getByRole('textbox', { name: 'Influence', exact: true });
    this.interest = page.getByRole('textbox', { name: 'Interest', exact: true });
    this.save = page.getByRole('button', { name: 'Create stakeholder' });
  }

  async gotoNew() {
    await this.page.goto('/stakeholders/new');
  }

  async chooseCategory(label: string) {
    await this.category.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }
}
