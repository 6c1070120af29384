import type { Locator, Page } from '@playwright/test';

export interface LoggedInteraction {
  summary: string;
  sentiment?: string;
  confidential?: boolean;
  action?: { text: string; dueOn: string };
}

/** The interactions section of a relationship or stakeholder page, and its "Log an interaction" dialog. */
export class InteractionTimeline {
  readonly section: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Interactions' });
    this.dialog = page.getByRole('dialog', { name: 'Log an interaction' });
  }

  entries(): Locator {
    return this.section.getByRole('article');
  }

  async log(interaction: LoggedInteraction) {
    await this.section.getByRole('button', { name: 'Log an interaction' }).click();
    await this.dialog.getByRole('textbox', { name: 'Summary' }).fill(interaction.summary);
    if (interaction.sentiment) {
      await this.dialog
        .getByRole('radiogroup', { name: 'Sentiment' })
        .getByText(interaction.sentiment, { exact: true })
        .click();
    }
    if (interaction.confidential) await this.dialog.getByRole('switch', { name: 'Confidential' }).check();
    if (interaction.action) {
      await this.dialog.getByRole('button', { name: 'Add an action' }).click();
      await this.dialog.getByRole('textbox', { name: 'Action 1', exact: true }).fill(interaction.action.text);
      await this.dialog.getByLabel('Due date of action 1').fill(interaction.action.dueOn);
    }
    await this.dialog.getByRole('button', { name: 'Log interaction' }).click();
  }
}
