import { expect, type Locator, type Page } from '@playwright/test';

/** The "Stakeholder's own view" card on a relationship and its invite dialog. */
export class StakeholderViewCard {
  readonly card: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('region', { name: 'Stakeholder’s own view' });
    this.dialog = page.getByRole('dialog');
  }

  /** Sends the named open survey to the relationship's stakeholder and returns the link shown once. */
  async invite(surveyTitle: string): Promise<string> {
    await this.card.getByRole('button', { name: 'Send a survey' }).click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('combobox', { name: 'Survey' }).click();
    await this.page.getByRole('option', { name: surveyTitle }).click();
    await this.dialog.getByRole('button', { name: 'Create links' }).click();
    const link = this.dialog.getByTestId('survey-link');
    await expect(link).toHaveCount(1);
    await expect(this.dialog.getByRole('button', { name: 'Copy link' })).toBeVisible();
    const text = (await link.textContent()) ?? '';
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
    return text.trim();
  }
}

/** The public page a survey link opens, without an account. */
export class PublicSurveyPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form');
  }

  async rate(group: string | RegExp, value: string) {
    await this.page
      .getByRole('radiogroup', { name: group })
      .getByRole('radio', { name: value, exact: true })
      .click();
  }

  notice(state: string): Locator {
    return this.page.locator(`[data-state="${state}"]`);
  }
}

/** The survey list's create dialog and a survey's own page. */
export class SurveyPages {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  async create(title: string, question: { label: string; options: string[] }) {
    await this.page.goto('/surveys');
    await this.page.getByRole('button', { name: 'New survey' }).first().click();
    await this.dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await this.dialog.getByRole('button', { name: 'Add a question' }).click();
    await this.dialog.getByRole('textbox', { name: 'Question', exact: true }).fill(question.label);
    await this.dialog.getByRole('combobox', { name: 'Type' }).click();
    await this.page.getByRole('option', { name: 'Choice', exact: true }).click();
    const options = this.dialog.getByLabel('Options', { exact: true });
    for (const option of question.options) {
      await options.fill(option);
      await options.press('Enter');
    }
    await this.dialog.getByRole('button', { name: 'Save' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
  }

  /** Invites one stakeholder by name from the survey page and returns the link shown. */
  async inviteStakeholder(name: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Invite', exact: true }).click();
    const picker = this.dialog.getByLabel('Add a stakeholder', { exact: true });
    await picker.fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
    await expect(this.dialog.getByText(name)).toBeVisible();
    await this.dialog.getByRole('button', { name: 'Create links' }).click();
    const link = this.dialog.getByTestId('survey-link');
    await expect(link).toHaveCount(1);
    const text = ((await link.textContent()) ?? '').trim();
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    return text;
  }
}
