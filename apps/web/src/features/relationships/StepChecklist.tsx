import { Checkbox, Stack, Text } from '@mantine/core';
import type { ChecklistTick, JourneyStep } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { problemText } from '../../app/forms';
import { useSetChecklistItem } from './relationship.mutations';
import { useUserName } from './relationship.names';

interface Props {
  relationshipId: string;
  step: JourneyStep;
  ticks: readonly ChecklistTick[];
  canTick: boolean;
}

/** The step's key activities as a checklist that shows who ticked each one and when. */
export function StepChecklist({ relationshipId, step, ticks, canTick }: Props) {
  const { t, i18n } = useTranslation(['relationships']);
  const setItem = useSetChecklistItem(relationshipId);
  const userName = useUserName();
  // The box shows the user's click at once; the checklist the server answers with replaces it.
  const [pending, setPending] = useState<Record<string, boolean>>({});

  const toggle = (activityKey: string, done: boolean) => {
    setPending((current) => ({ ...current, [activityKey]: done }));
    setItem
      .mutateAsync({ stepKey: step.key, activityKey, done })
      .catch(() => undefined)
      .finally(() => setPending(({ [activityKey]: _settled, ...rest }) => rest));
  };

  if (step.activities.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('checklist.noActivities')}
      </Text>
    );

  return (
    <Stack gap="sm">
      {step.activities.map((activity) => {
        const tick = ticks.find((item) => item.stepKey === step.key && item.activityKey === activity.key);
        const waiting = activity.key in pending;
        return (
          <Checkbox
            key={activity.key}
            label={activity.text}
            checked={waiting ? pending[activity.key] : Boolean(tick)}
            disabled={!canTick}
            aria-busy={waiting}
            onChange={(event) => toggle(activity.key, event.currentTarget.checked)}
            description={
              tick
                ? t('checklist.tickedBy', {
                    name: userName(tick.doneBy) ?? t('checklist.someone'),
                    date: formatDate(tick.doneAt, i18n.language, true),
                  })
                : undefined
            }
          />
        );
      })}
      {setItem.isError && (
        <Text size="sm" c="red" role="alert">
          {problemText(setItem.error)}
        </Text>
      )}
    </Stack>
  );
}
