import { uniqueName } from '../fixtures/api';
import { createCultureAssessment } from '../fixtures/culture';
import { expect, test } from '../fixtures/test';
import { CultureFormPage, OrgUnitsPage } from '../page-models/culture-pages';

test.describe('Culture assessments', () => {
  test('a unit is assessed through the form, shown as a radar with its table, and compared with an earlier assessment', async ({
    adminApi,
    adminPage: page,
  }) => {
    // One journey through six pages; the default 30 s is meant for one screen at a time.
    test.setTimeout(90_000);
    const unitName = uniqueName('Service Desk');
    const units = new OrgUnitsPage(page);
    await units.goto();
    await units.addUnit(unitName, 'Team');
    await expect(units.dialog).toBeHidden();
    await expect(units.unit(unitName)).toContainText('Team');

    // From the unit, its (empty) list of assessments, then a new assessment for it.
    await units.unit(unitName).getByRole('link', { name: 'Culture assessments' }).click();
    await expect(page).toHaveURL(/orgUnitId=/);
    const unitId = new URL(page.url()).searchParams.get('orgUnitId') ?? '';
    await expect(page.getByRole('heading', { name: 'No assessments match' })).toBeVisible();
    await page.getByRole('link', { name: 'Record an assessment' }).click();

    const form = new CultureFormPage(page);
    await expect(form.unit).toHaveValue(unitName);
    const title = uniqueName('Desk culture 2026');
    await form.title.fill(title);
    await form.score('Control ↔ trust', '4: Trust (leaning)');
    await form.score('Exchange ↔ communal', '2: Exchange (leaning)');
    await form.score('Protective ↔ self-disclosing', '3: Balanced');
    await form.score('Process ↔ experimental', '1: Process (clearly)');
    await form.save.click();
    // One dimension left unscored is marked, and nothing is saved.
    await expect(page.getByRole('radiogroup', { name: /^Isolation ↔ sharing/ })).toHaveAccessibleDescription(
      /Required/,
    );
    await expect(page).toHaveURL(/\/approach\/culture\/new/);

    await form.score('Isolation ↔ sharing', '5: Sharing (clearly)');
    await form.dominantType('Business friends');
    await form.toxic('Criticism', 'Often');
    await form.strategicRequirements.fill('## Grow partnerships\n\n- Share the roadmap with key customers');
    await form.save.click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(`${unitName} · assessed on`)).toBeVisible();
    await expect(page.getByTestId('culture-radar').locator('canvas')).toHaveCount(1);
    const scores = page.getByRole('table', { name: 'Scores on the five dimensions' });
    await expect(scores.getByRole('row', { name: /Control ↔ trust/ })).toContainText('4 Trust (leaning)');
    await expect(scores.getByRole('row', { name: /Isolation ↔ sharing/ })).toContainText(
      '5 Sharing (clearly)',
    );
    const toxic = page.getByRole('table', { name: 'How often each toxic behaviour is seen' });
    await expect(toxic.getByRole('row', { name: /Criticism/ })).toContainText('OftenAct on this');
    await expect(toxic.getByRole('row', { name: /Contempt/ })).not.toContainText('Act on this');
    await expect(page.getByRole('heading', { name: 'Grow partnerships' })).toBeVisible();
    const assessmentId = page.url().split('/').at(-1) ?? '';

    // A year earlier the same unit scored lower on trust and sharing.
    const earlier = await createCultureAssessment(adminApi, {
      title: uniqueName('Desk culture 2025'),
      orgUnitId: unitId,
      assessedOn: '2025-03-14',
      scores: {
        controlTrust: 2,
        exchangeCommunal: 2,
        protectiveDisclosing: 3,
        processExperimental: 1,
        isolationSharing: 4,
      },
      dominantType: 'strictly_business',
    });

    await page.goto(`/approach/culture?orgUnitId=${unitId}`);
    await page.getByRole('checkbox', { name: `Select “${earlier.title}” to compare` }).check();
    await page.getByRole('checkbox', { name: `Select “${title}” to compare` }).check();
    await page.getByRole('button', { name: 'Compare selected' }).click();

    await expect(page).toHaveURL(new RegExp(`/approach/culture/compare\\?a=${earlier.id}&b=${assessmentId}`));
    await expect(page.getByTestId('culture-radar').locator('canvas')).toHaveCount(1);
    const differences = page.getByRole('table', { name: 'Scores of both assessments and their differences' });
    // The earlier assessment comes first, so each difference is the change since then.
    await expect(differences.getByRole('columnheader').nth(1)).toContainText(earlier.title);
    await expect(differences.getByRole('row', { name: /Control ↔ trust/ })).toContainText('+2 toward Trust');
    await expect(differences.getByRole('row', { name: /Isolation ↔ sharing/ })).toContainText(
      '+1 toward Sharing',
    );
    await expect(differences.getByRole('row', { name: /Process ↔ experimental/ })).toContainText('No change');
    const profile = page.getByRole('table', {
      name: 'Dominant relationship type and toxic behaviours of both assessments',
    });
    await expect(profile.getByRole('row', { name: /Dominant relationship type/ })).toContainText('Different');
    await expect(profile.getByRole('row', { name: /Criticism/ })).toContainText('3 steps more often');
  });
});
