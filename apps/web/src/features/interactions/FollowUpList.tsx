import { Checkbox, List, Text } from '@mantine/core';
import type { FollowUp } from '@rapport/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { formatDay } from '../../app/format';
import { problemText } from '../../app/forms';
import { useUserName } from '../relationships/relationship.names';
import { daysOverdue } from './contact.due';
import { useSetFollowUpDone } from './interaction.mutations';

interface Props {
  followUps: FollowUp[];
  /** Whether the reader may tick this one off (its owner, the relationship's people, administrators). */
  canTick: (followUp: FollowUp) => boolean;
}

/** The actions agreed in one interaction, each with its owner and due date, ticked off when done. */
export function FollowUpList({ followUps, canTick }: Props) {
  const { t, i18n } = useTranslation(['interactions']);
  const userName = useUserName();
  const setDone = useSetFollowUpDone();
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = useId();

  const late = (followUp: FollowUp) =>
    followUp.doneAt === null && followUp.dueOn !== null && daysOverdue(followUp.dueOn) > 0;
  const details = (followUp: FollowUp) =>
    [
      followUp.ownerId ? t('followUps.owner', { name: userName(followUp.ownerId) }) : t('followUps.noOwner'),
      followUp.dueOn &&
        t(late(followUp) ? 'followUps.overdue' : 'followUps.due', {
          date: formatDay(followUp.dueOn, i18n.language),
        }),
    ]
      .filter(Boolean)
      .join(' · ');

  // While the tick is saved the box already shows it, so the click is answered at once.
  const isDone = (followUp: FollowUp) =>
    setDone.isPending && setDone.variables?.followUp.id === followUp.id
      ? setDone.variables.done
      : followUp.doneAt !== null;

  const tick = (followUp: FollowUp, done: boolean) => {
    setFailure(null);
    setDone.mutate(
      { followUp, done },
      {
        onError: (error) => setFailure(isApiError(error, 409) ? t('followUps.conflict') : problemText(error)),
      },
    );
  };

  return (
    <>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" id={titleId}>
        {t('followUps.title')}
      </Text>
      <List listStyleType="none" spacing="xs" aria-labelledby={titleId}>
        {followUps.map((followUp) => (
          <List.Item key={followUp.id}>
            {canTick(followUp) ? (
              <Checkbox
                label={followUp.text}
                description={
                  <Text span size="xs" c={late(followUp) ? 'red' : 'dimmed'}>
                    {details(followUp)}
                  </Text>
                }
                checked={isDone(followUp)}
                onChange={(event) => tick(followUp, event.currentTarget.checked)}
              />
            ) : (
              <Text size="sm">
                {followUp.doneAt ? t('followUps.done', { text: followUp.text }) : followUp.text}
                <Text span size="xs" c={late(followUp) ? 'red' : 'dimmed'}>
                  {' '}
                  — {details(followUp)}
                </Text>
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      {failure && (
        <Text size="sm" c="red" role="alert">
          {failure}
        </Text>
      )}
    </>
  );
}
