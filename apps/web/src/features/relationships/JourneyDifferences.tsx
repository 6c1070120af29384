import { Alert, List, Text } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { useModelVersion } from '../models/model.queries';
import { diffJourney, isSameJourney } from './journey.diff';

/** Where the tailored journey differs from the model version it was copied from; nothing when it does not. */
export function JourneyDifferences({ relationship }: { relationship: Relationship }) {
  const { t } = useTranslation(['relationships']);
  const version = useModelVersion(
    relationship.modelId ?? '',
    relationship.modelId ? relationship.modelVersion : null,
  );
  if (!version.data || !relationship.journey) return null;
  const diff = diffJourney(version.data.steps, relationship.journey.steps);
  if (isSameJourney(diff)) return null;
  const names = (items: string[]) => items.map((item) => `“${item}”`).join(', ');

  return (
    <Alert color="blue" variant="light" title={t('tailored.title', { number: relationship.modelVersion })}>
      <Text size="sm" mb={4}>
        {t('tailored.body')}
      </Text>
      <List size="sm" spacing={2}>
        {diff.addedSteps.length > 0 && (
          <List.Item>{t('tailored.stepsAdded', { steps: names(diff.addedSteps) })}</List.Item>
        )}
        {diff.removedSteps.length > 0 && (
          <List.Item>{t('tailored.stepsRemoved', { steps: names(diff.removedSteps) })}</List.Item>
        )}
        {diff.activities.flatMap((change) => [
          ...(change.added.length > 0
            ? [
                <List.Item key={`${change.step}-added`}>
                  {t('tailored.activitiesAdded', { step: change.step, activities: names(change.added) })}
                </List.Item>,
              ]
            : []),
          ...(change.removed.length > 0
            ? [
                <List.Item key={`${change.step}-removed`}>
                  {t('tailored.activitiesRemoved', { step: change.step, activities: names(change.removed) })}
                </List.Item>,
              ]
            : []),
        ])}
      </List>
    </Alert>
  );
}
