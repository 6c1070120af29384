import type { Locator, Page } from '@playwright/test';

/** The organisation units page and its unit form. */
export class OrgUnitsPage {
  readonly addButton: Locator;
  readonly dialog: Locator;
  readonly tree: Locator;

  constructor(readonly page: Page) {
    this.addButton = page.getByRole('button', { name: 'Add a unit' });
    this.dialog = page.getByRole('dialog', { name: 'Add an organisation unit' });
    this.tree = page.getByRole('list', { name: 'Organisation structure' });
  }

  async goto() {
    await this.page.goto('/approach/org-units');
  }

  async addUnit(name: string, kind: string) {
    await this.addButton.click();
    await this.dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await this.dialog.getByRole('combobox', { name: 'Kind' }).click();
    await this.page.getByRole('option', { name: kind, exact: true }).click();
    await this.dialog.getByRole('button', { name: 'Add unit' }).click();
  }

  /** A unit's own entry in the tree (a top-level unit without children). */
  unit(name: string): Locator {
    return this.tree.getByRole('listitem').filter({ hasText: name });
  }
}

/** The culture assessment form: five pole scales, the relationship type and the toxic behaviours. */
export class CultureFormPage {
  readonly title: Locator;
  readonly unit: Locator;
  readonly strategicRequirements: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('textbox', { name: 'Title' });
    this.unit = page.getByRole('combobox', { name: 'Unit assessed' });
    this.strategicRequirements = page.getByRole('textbox', { name: 'Strategic requirements' });
    this.save = page.getByRole('button', { name: 'Save assessment' });
  }

  /** `radioName` is the point's full name, e.g. "4: Trust (leaning)". */
  async score(dimension: string, radioName: string) {
    await this.page
      .getByRole('radiogroup', { name: new RegExp(`^${dimension}`) })
      .getByRole('radio', { name: radioName })
      .check();
  }

  async dominantType(name: string) {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }

  async toxic(behaviour: string, frequency: string) {
    await this.page
      .getByRole('radiogroup', { name: behaviour, exact: true })
      .getByText(frequency, { exact: true })
      .click();
  }
}
