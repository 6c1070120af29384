import type { Locator, Page } from '@playwright/test';

export class StakeholderFormPage {
  readonly name: Locator;
  readonly category: Locator;
  readonly scope: Locator;
  readonly orgUnit: Locator;
  readonly influence: Locator;
  readonly interest: Locator;
  readonly save: Locator;
  readonly saveChanges: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByRole('textbox', { name: 'Name', exact: true });
    this.category = page.getByRole('combobox', { name: 'Category', exact: true });
    this.scope = page.getByRole('combobox', { name: 'Scope', exact: true });
    this.orgUnit = page.getByRole('combobox', { name: 'Organisation unit', exact: true });
    this.influence = page.getByRole('textbox', { name: 'Influence', exact: true });
    this.interest = page.getByRole('textbox', { name: 'Interest', exact: true });
    this.save = page.getByRole('button', { name: 'Create stakeholder' });
    this.saveChanges = page.getByRole('button', { name: 'Save changes' });
  }

  async gotoNew() {
    await this.page.goto('/stakeholders/new');
  }

  async gotoEdit(id: string) {
    await this.page.goto(`/stakeholders/${id}/edit`);
  }

  async chooseCategory(label: string) {
    await this.category.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async chooseScope(label: 'Internal' | 'External') {
    await this.scope.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Finds the unit by typing its name, as a user would in a long tree. */
  async chooseOrgUnit(name: string) {
    await this.orgUnit.fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }
}
