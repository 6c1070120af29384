import { Alert, Anchor, Checkbox, Group, Stack, Text } from '@mantine/core';
import type { MyWork } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { relationshipPath } from '../relationships/relationship.queries';
import { DueBadge } from './DueBadge';
import { WorkSection } from './WorkSection';
import { useCompleteFollowUp } from './work.mutations';

type FollowUp = MyWork['followUps'][number];

/** The actions agreed in interactions that are the user's to do; ticking one marks it done. */
export function FollowUpsDue({ followUps, today }: { followUps: MyWork['followUps']; today: string }) {
  const { t } = useTranslation(['work']);
  const complete = useCompleteFollowUp();
  // Ticked boxes stay ticked until the reloaded list no longer has them.
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const sorted = [...followUps].sort(
    (a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.createdAt.localeCompare(b.createdAt),
  );

  const done = (followUp: FollowUp) => {
    setFailure(null);
    setTicked((current) => new Set(current).add(followUp.id));
    complete.mutate(followUp, {
      onError: (error) => {
        setTicked((current) => {
          const next = new Set(current);
          next.delete(followUp.id);
          return next;
        });
        setFailure(isApiError(error, 409) ? t('followUps.changedMeanwhile') : problemText(error));
      },
    });
  };

  return (
    <WorkSection
      id="work-follow-ups"
      title={t('followUps.title')}
      count={followUps.length}
      empty={t('followUps.empty')}
    >
      {failure && (
        <Alert component="li" color="orange" variant="light" role="alert">
          {failure}
        </Alert>
      )}
      {sorted.map((followUp) => (
        <Group
          component="li"
          key={followUp.id}
          justify="space-between"
          align="flex-start"
          wrap="nowrap"
          gap="sm"
        >
          <Stack gap={2}>
            <Checkbox
              label={followUp.text}
              checked={ticked.has(followUp.id)}
              disabled={ticked.has(followUp.id)}
              onChange={() => done(followUp)}
            />
            {followUp.relationshipId && (
              <Text size="xs" c="dimmed" pl={32}>
                <Anchor component={Link} to={relationshipPath(followUp.relationshipId)} size="xs">
                  {followUp.relationshipName}
                </Anchor>
              </Text>
            )}
          </Stack>
          {followUp.dueOn && <DueBadge dueOn={followUp.dueOn} today={today} />}
        </Group>
      ))}
    </WorkSection>
  );
}
