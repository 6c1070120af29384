import { RelationshipModelCreate } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { formPathOf, parsePath, ruleOf, stepsWithErrors } from './model.errors';
import { blankValues, buildModel, emptyActivity, emptyStep, type ModelFormValues } from './model.form';
import { newKey, slugOf } from './model.keys';

function filledModel(): ModelFormValues {
  const values = blankValues((key) => key.toUpperCase(), ['explore', 'engage']);
  values.name = 'Partners';
  values.relationshipType = 'partnership';
  values.communality = {
    controlTrust: 4,
    exchangeCommunal: 4,
    protectiveDisclosing: 3,
    processExperimental: 3,
    isolationSharing: 5,
  };
  return values;
}

describe('keys of new steps and activities', () => {
  it('are the slug of the name, cut at a word', () => {
    expect(slugOf('Co-create value')).toBe('co-create-value');
    expect(slugOf('Réunion d’équipe')).toBe('reunion-d-equipe');
    expect(slugOf('Hold a quarterly relationship review')).toBe('hold-a-quarterly');
  });

  it('are unique and fall back to a short random key for names without Latin letters', () => {
    expect(newKey('Explore', new Set(['explore', 'explore-2']), 'step')).toBe('explore-3');
    expect(newKey('共同创造', new Set(), 'step')).toMatch(/^step-[a-z0-9]{1,5}$/);
  });
});

describe('the request built from the editor', () => {
  it('gives new steps and activities keys, keeps existing keys and leaves blank rows out', () => {
    const values = filledModel();
    const step = emptyStep('Review together');
    step.activities = [
      { ...emptyActivity(), text: 'Agree the agenda' },
      emptyActivity(),
      { ...emptyActivity(), text: 'Agree the agenda' },
    ];
    values.steps.push(step);
    const { body, origins } = buildModel(values);
    const parsed = RelationshipModelCreate.parse(body);
    expect(parsed.steps.map((s) => s.key)).toEqual(['explore', 'engage', 'review-together']);
    expect(parsed.steps[2]?.activities).toEqual([
      { key: 'agree-the-agenda', text: 'Agree the agenda' },
      { key: 'agree-the-agenda-2', text: 'Agree the agenda' },
    ]);
    expect(origins[2]?.activities).toEqual([0, 2]);
  });

  it('is refused by the contract when the weights do not add up to 100', () => {
    const values = filledModel();
    values.healthWeights.sentiment = 20;
    const result = RelationshipModelCreate.safeParse(buildModel(values).body);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue && ruleOf(issue.path, issue.message)).toBe('weightSum');
  });
});

describe('errors placed on the form', () => {
  const origins = [
    { activities: [0, 2], responsibilities: [1], risks: [], opportunities: [], behaviours: [0] },
  ];

  it('shows an activity key error on the row the activity came from', () => {
    expect(formPathOf(parsePath('steps.0.activities.1.key'), origins)).toBe('steps.0.activities.2.text');
    expect(formPathOf(parsePath('steps.0.responsibilities.0.raci'), origins)).toBe(
      'steps.0.responsibilities.1.raci',
    );
    expect(formPathOf(parsePath('steps.0.key'), origins)).toBe('steps.0.name');
    expect(formPathOf(parsePath('steps.0.contactEveryDays'), origins)).toBe('steps.0.contactEveryDays');
    expect(formPathOf(parsePath('healthWeights'), origins)).toBe('healthWeights');
  });

  it('marks the steps that hold an error', () => {
    expect(stepsWithErrors(['steps.2.name', 'steps.0', 'steps.10.activities.0.text', 'name'])).toEqual(
      new Set([2, 0, 10]),
    );
  });
});
