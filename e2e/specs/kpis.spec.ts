import { uniqueName } from '../fixtures/api';
import { openRelationship, seedGroupWithAgreedModel } from '../fixtures/relationship-api';
import { expect, test } from '../fixtures/test';
import { KpiPages } from '../page-models/kpi-pages';

test.describe('KPIs', () => {
  test('shows KPIs with their definitions, takes a target and a manual value, and drills down to the records', async ({
    adminApi,
    adminPage: page,
  }) => {
    // A relationship ended today because the approach was not followed: it is behind that KPI's value.
    const { stakeholder, model } = await seedGroupWithAgreedModel(adminApi, [
      { name: 'Engage', activities: ['Meet'] },
    ]);
    const name = uniqueName('Ended relationship');
    const relationship = await openRelationship(adminApi, {
      stakeholderId: stakeholder.id,
      modelId: model.id,
      name,
      daysAgo: 10,
    });
    const ended = await adminApi.context.post(`/api/v1/relationships/${relationship.id}/end`, {
      data: { endReason: 'approach_not_followed', version: relationship.version },
    });
    expect(ended.status(), await ended.text()).toBe(200);

    const kpis = new KpiPages(page);
    await kpis.open();
    await expect(page.getByRole('heading', { level: 1, name: 'Key performance indicators' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(
      page.getByRole('heading', { level: 2, name: 'Healthy relationships with external stakeholders' }),
    ).toBeVisible();
    const endedCard = kpis.card('ended_approach_not_followed');
    await expect(
      endedCard.getByRole('heading', { name: 'Ended because the approach was not followed' }),
    ).toBeVisible();
    await expect(endedCard).toContainText('the share ended because the agreed approach was not followed');
    await expect(kpis.value('ended_approach_not_followed')).toContainText('%');

    // A target, set from the card's dialog.
    const target = 60 + Math.floor(Math.random() * 30);
    await kpis.card('reviews_on_time').getByRole('button', { name: 'Set target' }).click();
    const targetDialog = kpis.dialog(/Target: Relationship reviews on time/);
    await targetDialog.getByRole('textbox', { name: /Target/ }).fill(String(target));
    await targetDialog.getByRole('button', { name: 'Save target' }).click();
    await expect(targetDialog).toBeHidden();
    await expect(kpis.card('reviews_on_time')).toContainText(`Target ${target} %`);

    // A manual value, with its source, listed among the values entered before.
    const note = uniqueName('Media monitoring');
    await kpis.card('image_in_media').getByRole('button', { name: 'Enter a value' }).click();
    const entryDialog = kpis.dialog(/Enter a value: Image/);
    await entryDialog.getByRole('textbox', { name: /Value/ }).fill('72');
    await entryDialog.getByRole('textbox', { name: /Note/ }).fill(note);
    await entryDialog.getByRole('button', { name: 'Save value' }).click();
    await expect(entryDialog).toBeHidden();
    await expect(kpis.value('image_in_media')).toContainText('/ 100');
    await kpis.card('image_in_media').getByRole('button', { name: 'Enter a value' }).click();
    await expect(entryDialog.getByRole('table')).toContainText(note);
    await entryDialog.getByRole('button', { name: 'Cancel' }).click();

    // The drill-down lists the ended relationship as counted, linked to its page.
    await endedCard.getByRole('link', { name: 'Show the records' }).click();
    await expect(page).toHaveURL(/\/kpis\/ended_approach_not_followed/);
    const row = kpis.records().getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Counted');
    await row.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/relationships/${relationship.id}`));
  });
});
