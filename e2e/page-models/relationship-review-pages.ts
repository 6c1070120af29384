import type { Locator, Page } from '@playwright/test';

/** A relationship review: the evidence pack beside the record of the review, and its improvements. */
export class RelationshipReviewPage {
  readonly evidence: Locator;
  readonly interactionCount: Locator;
  readonly averageSentiment: Locator;
  readonly form: Locator;
  readonly findings: Locator;
  readonly heldOn: Locator;
  readonly hold: Locator;
  readonly improvements: Locator;
  readonly addImprovement: Locator;

  constructor(readonly page: Page) {
    this.evidence = page.getByTestId('evidence-pack');
    this.interactionCount = page.getByTestId('evidence-total');
    this.averageSentiment = page.getByTestId('evidence-sentiment');
    this.form = page.getByRole('form', { name: 'Record of the review' });
    this.findings = this.form.getByRole('textbox', { name: 'Findings' });
    this.heldOn = this.form.getByLabel('Held on');
    this.hold = this.form.getByRole('button', { name: 'Hold the review' });
    this.improvements = page.getByRole('table', { name: 'Improvement initiatives' });
    this.addImprovement = page.getByRole('form', { name: 'Add an improvement initiative' });
  }

  /** The "Plan a review" dialog of a relationship's page, filled with its defaults. */
  static async planFrom(page: Page, relationshipName: string) {
    await page.getByRole('button', { name: 'Plan a review', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Plan a review of ${relationshipName}` });
    await dialog.getByRole('button', { name: 'Plan review' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return new RelationshipReviewPage(page);
  }

  async addParticipant(name: string) {
    const input = this.form.getByLabel('Participants');
    await input.fill(name);
    await input.press('Enter');
  }

  async satisfaction(label: string) {
    await this.form.getByRole('combobox', { name: 'Satisfaction with the relationship' }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async addInitiative(title: string) {
    await this.addImprovement.getByRole('textbox', { name: 'New initiative' }).fill(title);
    await this.addImprovement.getByRole('button', { name: 'Add', exact: true }).click();
  }
}

/** The improvement register. */
export class ImprovementRegisterPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Improvement register' });
  }

  async goto() {
    await this.page.goto('/improvements');
  }

  row(title: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: title, exact: true }) });
  }
}
