import type { Locator, Page } from '@playwright/test';

/** The list of approach reviews and the modal that plans one. */
export class ReviewListPage {
  readonly planButton: Locator;
  readonly dialog: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.planButton = page.getByRole('button', { name: 'Plan a review', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Plan a review of the approach' });
    this.table = page.getByRole('table', { name: 'Approach reviews' });
  }

  async goto() {
    await this.page.goto('/approach/reviews');
  }

  async plan(title: string, scheduledOn: string) {
    await this.planButton.click();
    await this.dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await this.dialog.getByLabel('Planned for').fill(scheduledOn);
    await this.dialog.getByRole('button', { name: 'Plan review' }).click();
  }

  row(title: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}

/** One review: what it found and decided, and the improvement initiatives it started. */
export class ReviewDetailPage {
  readonly heldOn: Locator;
  readonly findings: Locator;
  readonly decisions: Locator;
  readonly status: Locator;
  readonly markDone: Locator;
  readonly improvements: Locator;
  readonly addImprovement: Locator;

  constructor(readonly page: Page) {
    this.heldOn = page.getByLabel('Held on');
    this.findings = page.getByRole('textbox', { name: 'Findings' });
    this.decisions = page.getByRole('textbox', { name: 'Decisions' });
    // The form that adds an initiative has a status of its own.
    this.status = page.getByRole('group', { name: 'Planning' }).getByRole('combobox', { name: 'Status' });
    this.markDone = page.getByRole('button', { name: 'Mark as done' });
    this.improvements = page.getByRole('table', { name: 'Improvement initiatives' });
    this.addImprovement = page.getByRole('form', { name: 'Add an improvement initiative' });
  }

  async effective(answer: 'Yes' | 'No' | 'Not decided yet') {
    await this.page
      .getByRole('radiogroup', { name: 'Is the approach effective?' })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  }

  async addInitiative(input: { title: string; owner: string; dueOn: string; status: string }) {
    const form = this.addImprovement;
    await form.getByRole('textbox', { name: 'New initiative' }).fill(input.title);
    await form.getByRole('combobox', { name: 'Owner' }).click();
    await this.page.getByRole('option', { name: input.owner, exact: true }).click();
    await form.getByLabel('Due').fill(input.dueOn);
    await form.getByRole('combobox', { name: 'Status' }).click();
    await this.page.getByRole('option', { name: input.status, exact: true }).click();
    await form.getByRole('button', { name: 'Add', exact: true }).click();
  }

  initiative(title: string): Locator {
    return this.improvements
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: title, exact: true }) });
  }

  initiativeStatus(title: string): Locator {
    return this.improvements.getByRole('combobox', { name: `Status of ${title}` });
  }
}

/** The review as a printable report. */
export class ReviewReportPage {
  readonly print: Locator;
  readonly report: Locator;
  readonly improvements: Locator;

  constructor(readonly page: Page) {
    this.print = page.getByRole('button', { name: 'Print / save as PDF' });
    this.report = page.getByRole('article');
    this.improvements = this.report.getByRole('table', { name: 'Improvement initiatives' });
  }

  /** The value beside one of the report's facts, e.g. "Held on". */
  fact(label: string): Locator {
    return this.report.getByRole('row', { name: label }).getByRole('cell');
  }

  /** The text under one of the report's section headings, e.g. "Findings". */
  section(heading: string): Locator {
    return this.report.locator('section').filter({
      has: this.page.getByRole('heading', { level: 2, name: heading, exact: true }),
    });
  }
}

/** The overview of the five activities of the common approach. */
export class ApproachOverviewPage {
  readonly reviewActivity: Locator;

  constructor(readonly page: Page) {
    this.reviewActivity = page.getByRole('region', {
      name: 'Activity 5: Review and adjust the approach and models',
    });
  }

  async goto() {
    await this.page.goto('/approach');
  }

  /** The figure shown under one of an activity's labels, e.g. "Open improvements". */
  fact(activity: Locator, label: string): Locator {
    return activity.getByText(label, { exact: true }).locator('xpath=following-sibling::*[1]');
  }
}
