import type { Locator, Page } from '@playwright/test';

/** One relationship: its journey, the checklist of the current step, the move dialog and the history. */
export class RelationshipDetailPage {
  readonly journey: Locator;
  readonly checklist: Locator;
  readonly history: Locator;
  readonly moveDialog: Locator;

  constructor(readonly page: Page) {
    this.journey = page.getByRole('list', { name: /^The journey/ });
    this.checklist = page.getByRole('region', { name: 'Where it is now' });
    this.history = page.getByRole('region', { name: 'Journey history' });
    this.moveDialog = page.getByRole('dialog', { name: 'Move along the journey' });
  }

  currentStep(): Locator {
    return this.journey.locator('li[aria-current="step"]');
  }

  activity(text: string): Locator {
    return this.checklist.getByRole('checkbox', { name: text });
  }

  async moveTo(stepName: string, note: string) {
    await this.page.getByRole('button', { name: 'Move to…' }).click();
    await this.moveDialog.getByRole('checkbox', { name: stepName, exact: true }).check();
    await this.moveDialog.getByRole('textbox', { name: 'Note' }).fill(note);
    await this.moveDialog.getByRole('button', { name: 'Move', exact: true }).click();
  }
}
