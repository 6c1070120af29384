import { Anchor, Checkbox, Stack, Text } from '@mantine/core';
import type { MyWork } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../../app/forms';
import { relationshipPath } from '../relationships/relationship.queries';
import { WorkSection } from './WorkSection';
import { useTickActivity } from './work.mutations';

type Activity = MyWork['checklist'][number];

const keyOf = (item: Activity) => `${item.relationshipId}/${item.stepKey}/${item.activityKey}`;

/** The key activities still open in the steps my relationships are in now; ticking one records it done. */
export function StepActivities({ checklist, canTick }: { checklist: MyWork['checklist']; canTick: boolean }) {
  const { t } = useTranslation(['work']);
  const tick = useTickActivity();
  const [ticked, setTicked] = useState<Set<string>>(new Set());

  const done = (item: Activity) => {
    setTicked((current) => new Set(current).add(keyOf(item)));
    tick.mutate(item, {
      onError: () =>
        setTicked((current) => {
          const next = new Set(current);
          next.delete(keyOf(item));
          return next;
        }),
    });
  };

  return (
    <WorkSection
      id="work-activities"
      title={t('activities.title')}
      count={checklist.length}
      empty={t('activities.empty')}
    >
      {tick.isError && (
        <Text component="li" size="sm" c="red" role="alert">
          {problemText(tick.error)}
        </Text>
      )}
      {checklist.map((item) => (
        <Stack component="li" key={keyOf(item)} gap={2}>
          <Checkbox
            label={item.text}
            checked={ticked.has(keyOf(item))}
            disabled={!canTick || ticked.has(keyOf(item))}
            onChange={() => done(item)}
          />
          <Text size="xs" c="dimmed" pl={32}>
            <Anchor component={Link} to={relationshipPath(item.relationshipId)} size="xs">
              {item.relationshipName}
            </Anchor>
            {` · ${item.stepName}`}
          </Text>
        </Stack>
      ))}
    </WorkSection>
  );
}
