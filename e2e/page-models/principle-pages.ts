import type { Locator, Page } from '@playwright/test';

/** The list of principles and the modal that writes a new one. */
export class PrincipleListPage {
  readonly createButton: Locator;
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.createButton = page.getByRole('button', { name: 'New principle' });
    this.table = page.getByRole('table', { name: 'Principles' });
    this.dialog = page.getByRole('dialog', { name: 'New principle' });
  }

  async goto() {
    await this.page.goto('/approach/principles');
  }

  row(title: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async write(title: string, body: string) {
    await this.createButton.click();
    await this.dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await this.dialog.getByRole('textbox', { name: 'Text' }).fill(body);
    await this.dialog.getByRole('button', { name: 'Create draft' }).click();
  }
}

/** One principle: its status banner, workflow buttons, text and versions. */
export class PrincipleDetailPage {
  readonly banner: Locator;
  readonly text: Locator;
  readonly versions: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('status').filter({ hasText: /Version \d|retired/ });
    this.text = page.locator('h2', { hasText: /^Text of version/ }).locator('xpath=following-sibling::*[1]');
    this.versions = page.getByRole('table', { name: 'Versions' });
  }

  async goto(id: string) {
    await this.page.goto(`/approach/principles/${id}`);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Takes a workflow step through its confirmation, with a note. */
  async takeStep(button: string, confirm: string, note: string) {
    await this.button(button).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
    await dialog.getByRole('button', { name: confirm, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  versionRow(number: number): Locator {
    return this.versions.getByRole('row').filter({ has: this.page.getByText(`v${number}`, { exact: true }) });
  }
}
