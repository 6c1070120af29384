import type { Locator, Page } from '@playwright/test';

/** The "Raise an exception" dialog, from the register or a relationship's page. */
export class RaiseExceptionDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Raise an exception' });
  }

  async choose(label: string, option: string) {
    await this.dialog.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  antidote(behaviour: string): Locator {
    return this.dialog.getByRole('note', { name: `Antidote: ${behaviour}` });
  }
}

/** The "Edit the exception" dialog of an exception's page. */
export class EditExceptionDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Edit the exception' });
  }

  async choose(label: string, option: string) {
    await this.dialog.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async save() {
    await this.dialog.getByRole('button', { name: 'Save changes' }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}

/** An exception's page: workflow buttons, mediation notes, resolution and history. */
export class ExceptionPage {
  constructor(readonly page: Page) {}

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: new RegExp(title) });
  }

  antidote(behaviour: string): Locator {
    return this.page.getByRole('note', { name: `Antidote: ${behaviour}` });
  }

  async edit(): Promise<EditExceptionDialog> {
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = new EditExceptionDialog(this.page);
    await dialog.dialog.waitFor();
    return dialog;
  }

  /** The value shown under a label in the facts at the top of the page. */
  fact(label: string): Locator {
    return this.page
      .locator('div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .last();
  }

  workflow(): Locator {
    return this.page.getByRole('region', { name: 'Move it on' });
  }

  /** Takes a workflow step through its dialog, with a note and, to resolve, a resolution. */
  async move(action: string, options: { note?: string; resolution?: string } = {}) {
    await this.workflow().getByRole('button', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    if (options.resolution)
      await dialog.getByRole('textbox', { name: 'Resolution' }).fill(options.resolution);
    if (options.note) await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(options.note);
    // In the form: the dialog's own close button is also named "Close".
    await dialog.locator('form').getByRole('button', { name: action, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async writeMediationNotes(text: string) {
    const section = this.page.getByRole('region', { name: 'Mediation' });
    await section.getByRole('button', { name: 'Edit notes' }).click();
    await section.getByRole('textbox', { name: 'Mediation notes (Markdown)' }).fill(text);
    await section.getByRole('button', { name: 'Save notes' }).click();
  }

  history(): Locator {
    return this.page.getByRole('table', { name: 'Status history' });
  }
}
