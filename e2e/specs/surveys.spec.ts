import type { InvitationsCreated } from '@rapport/contracts';
import { uniqueName } from '../fixtures/api';
import { baseURL } from '../fixtures/env';
import { seedOpenSurvey, seedRelationship } from '../fixtures/survey-api';
import { expect, test } from '../fixtures/test';
import { PublicSurveyPage, StakeholderViewCard, SurveyPages } from '../page-models/survey-pages';

test.describe('Surveys by link', () => {
  test('a stakeholder answers a survey link without signing in; the answer shows on the relationship and the link refuses a second one', async ({
    adminApi,
    adminPage,
    browser,
  }) => {
    // Two browser contexts, a reload and seeding through the API add up on a busy machine.
    test.slow();
    const survey = await seedOpenSurvey(adminApi, {
      intro: 'Two minutes, honestly.',
      questions: [
        {
          key: 'speed',
          label: 'How quick were our answers?',
          type: 'scale_1_5',
          options: [],
          required: true,
        },
      ],
    });
    const { stakeholder, relationship } = await seedRelationship(adminApi);

    await adminPage.goto(`/relationships/${relationship.id}`);
    await expect(adminPage.getByRole('heading', { level: 1, name: relationship.name })).toBeVisible();
    const card = new StakeholderViewCard(adminPage);
    await expect(card.card.getByText('No answers from this stakeholder in the last year.')).toBeVisible();
    const link = await card.invite(survey.title);
    expect(link).toMatch(new RegExp(`^${baseURL.replaceAll('.', '\\.')}/s/[A-Za-z0-9_-]{43}$`));

    // A fresh browser: no cookie, no session — and a phone-sized screen.
    const stranger = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const phone = await stranger.newPage();
    expect(await stranger.cookies()).toEqual([]);
    await phone.goto(link);
    const publicPage = new PublicSurveyPage(phone);
    await expect(phone.getByRole('heading', { level: 1, name: survey.title })).toBeVisible();
    await expect(phone.getByText(`For ${stakeholder.name}`)).toBeVisible();
    await expect(phone.getByText('Two minutes, honestly.')).toBeVisible();
    // A satisfaction survey is named unless chosen otherwise, and the page says so before anything is typed.
    await expect(phone.getByTestId('survey-privacy')).toContainText('This survey is not anonymous');

    // Sending without the required ratings says what is missing.
    await phone.getByRole('button', { name: 'Send my answer' }).click();
    await expect(phone.getByText('Please answer this question.').first()).toBeVisible();

    await publicPage.rate(/how satisfied/, '4');
    await publicPage.rate(/recommend us/, '9');
    await publicPage.rate(/How quick/, '5');
    await phone
      .getByRole('textbox', { name: /Anything you would like to tell us/ })
      .fill('Quick and friendly.');
    await phone.getByRole('button', { name: 'Send my answer' }).click();
    await expect(publicPage.notice('thanks')).toContainText('Thank you!');

    // Back in Rapport: the stakeholder's own rating beside ours.
    await adminPage.reload();
    await expect(card.card.getByTestId('stakeholder-rating')).toHaveText('4 / 5');
    await expect(card.card.getByText('NPS 100')).toBeVisible();
    await expect(card.card.getByText(/1 answer\(s\)/)).toBeVisible();

    // The link is used: opening it again says so politely, and the API refuses a second answer.
    const again = await stranger.newPage();
    await again.goto(link);
    await expect(new PublicSurveyPage(again).notice('answered')).toContainText('Already answered');
    const token = link.split('/s/')[1];
    const second = await again.request.post(`/api/v1/public/surveys/${token}`, { data: { csat: 1 } });
    expect(second.status()).toBe(410);

    // The survey's results count it.
    const results = await adminApi.context.get(`/api/v1/surveys/${survey.id}/results`);
    expect(await results.json()).toMatchObject({ invited: 1, answered: 1, csat: { average: 4 } });
    await stranger.close();
  });

  test('the public page speaks Chinese, and unknown or expired links say so', async ({
    adminApi,
    browser,
  }) => {
    const survey = await seedOpenSurvey(adminApi, { locale: 'zh-CN', title: '年度满意度调查' });
    const stakeholder = await adminApi.createStakeholder({ name: '王芳' });
    const created = await adminApi.context.post(`/api/v1/surveys/${survey.id}/invitations`, {
      data: { stakeholderIds: [stakeholder.id] },
    });
    const [invitation] = ((await created.json()) as InvitationsCreated).data;
    const stranger = await browser.newContext({ locale: 'en-GB' });
    const page = await stranger.newPage();
    await page.goto(invitation?.link ?? '');
    await expect(page.getByText('致 王芳')).toBeVisible();
    await expect(page.getByRole('button', { name: '提交我的回答' })).toBeVisible();
    await expect(page.getByRole('radio', { name: '中文' })).toBeChecked();
    await expect(page.getByTestId('survey-privacy')).toContainText('这不是匿名调查');
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Send my answer' })).toBeVisible();

    await page.goto('/s/not-a-real-token');
    await expect(new PublicSurveyPage(page).notice('notFound')).toContainText('Survey not found');
    await stranger.close();
  });

  test('a survey with a custom question is created, opened and sent from its page; the answer shows in its results', async ({
    adminApi,
    adminPage,
    browser,
  }) => {
    test.slow();
    const stakeholder = await adminApi.createStakeholder({ name: uniqueName('Invitee') });
    const title = uniqueName('Onboarding survey');
    const surveys = new SurveyPages(adminPage);
    await surveys.create(title, { label: 'Preferred channel', options: ['Phone', 'E-mail'] });
    await adminPage.getByRole('button', { name: 'Open for answers' }).click();
    await expect(adminPage.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
    const link = await surveys.inviteStakeholder(stakeholder.name);
    const invitations = adminPage.getByRole('table', { name: 'Invitations' });
    await expect(invitations.getByRole('row').filter({ hasText: stakeholder.name })).toContainText('Sent');

    const stranger = await browser.newContext();
    const phone = await stranger.newPage();
    await phone.goto(link);
    const publicPage = new PublicSurveyPage(phone);
    await publicPage.rate(/how satisfied/, '2');
    await phone.getByRole('radio', { name: 'E-mail' }).check();
    await phone.getByRole('button', { name: 'Send my answer' }).click();
    await expect(publicPage.notice('thanks')).toBeVisible();
    await stranger.close();

    await adminPage.reload();
    await expect(adminPage.getByLabel('Average CSAT: 2')).toBeVisible();
    await expect(adminPage.getByLabel('Response rate: 100%')).toBeVisible();
    await expect(invitations.getByRole('row').filter({ hasText: stakeholder.name })).toContainText(
      'Answered',
    );
    const answers = adminPage.getByRole('region', { name: 'Answers and comments' });
    await expect(answers.getByText('Preferred channel:')).toBeVisible();
    await expect(answers.getByText('CSAT 2')).toBeVisible();
  });

  test('an anonymous survey says so to the respondent, in their language, and shows nothing below k answers', async ({
    adminApi,
    adminPage,
    browser,
  }) => {
    test.slow();
    const stakeholder = await adminApi.createStakeholder({ name: uniqueName('Anonymous invitee') });
    const title = uniqueName('Anonymous pulse');
    await adminPage.goto('/surveys');
    await adminPage.getByRole('button', { name: 'New survey' }).first().click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    await dialog.getByRole('combobox', { name: 'Privacy of the answers' }).click();
    await adminPage.getByRole('option', { name: 'Anonymous', exact: true }).click();
    const k = dialog.getByRole('textbox', { name: 'Smallest number of answers shown (k)' });
    await k.fill('2');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Must be at least 3')).toBeVisible();
    await k.fill('3');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(adminPage.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
    await adminPage.getByRole('button', { name: 'Open for answers' }).click();
    const link = await new SurveyPages(adminPage).inviteStakeholder(stakeholder.name);
    const invitations = adminPage.getByRole('table', { name: 'Invitations' });
    await expect(invitations.getByRole('columnheader', { name: 'Answered' })).toHaveCount(0);

    const stranger = await browser.newContext({ locale: 'zh-CN' });
    const phone = await stranger.newPage();
    await phone.goto(link);
    await expect(phone.getByTestId('survey-privacy')).toContainText('这是匿名调查');
    await expect(phone.getByTestId('survey-privacy')).toContainText('3');
    await phone.getByText('English', { exact: true }).click();
    await expect(phone.getByTestId('survey-privacy')).toContainText('This survey is anonymous');
    const publicPage = new PublicSurveyPage(phone);
    await publicPage.rate(/how satisfied/, '2');
    await phone.getByRole('button', { name: 'Send my answer' }).click();
    await expect(publicPage.notice('thanks')).toBeVisible();
    await stranger.close();

    // One answer is no aggregate: nothing is shown, not even to the administrator, nor who answered.
    await adminPage.reload();
    await expect(adminPage.getByTestId('results-hidden')).toContainText('Fewer than 3 answers — not shown');
    await expect(adminPage.getByLabel('Average CSAT: —')).toBeVisible();
    await expect(invitations.getByRole('row').filter({ hasText: stakeholder.name })).toContainText('Sent');
    await expect(adminPage.getByRole('region', { name: 'Answers and comments' })).toHaveCount(0);
  });
});
