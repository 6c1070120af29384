import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { canEditFollowUp, type FollowUp, type Interaction } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { Markdown } from '../../components/Markdown';
import { useCurrentUser } from '../auth/auth.queries';
import { useUserName } from '../relationships/relationship.names';
import { useAssignment } from '../relationships/relationship.queries';
import { FollowUpList } from './FollowUpList';
import { kindSymbol } from './interaction.kinds';
import { SentimentBadge } from './SentimentBadge';

interface Props {
  interaction: Interaction;
  /** The role may change follow-ups at all (interactions.write); each one's own rule decides the rest. */
  canTick: boolean;
}

/** One interaction on the timeline; a confidential one the reader may not see shows only that it happened. */
export function InteractionEntry({ interaction: i, canTick }: Props) {
  const { t, i18n } = useTranslation(['interactions']);
  const userName = useUserName();
  const me = useCurrentUser();
  const assignment = useAssignment(i.relationshipId);
  // The rule the server applies (owner, the relationship's manager and agent, administrators): no tick box on
  // someone else's follow-up.
  const mayTick = (followUp: FollowUp) =>
    canTick &&
    canEditFollowUp(me, followUp, { confidential: i.confidential, authorId: i.authorId }, assignment);
  const people = i.participantUserIds.map((id) => userName(id)).join(', ');
  const stakeholderPeople = i.participantStakeholderIds.length;

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`interaction-${i.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={3} size="h5" id={`interaction-${i.id}`}>
            <span aria-hidden="true">{kindSymbol[i.kind]} </span>
            {t(`kind.${i.kind}`)} ·{' '}
            <time dateTime={i.occurredAt}>{formatDate(i.occurredAt, i18n.language, true)}</time>
          </Title>
          <Group gap="xs">
            {i.confidential && (
              <Badge color="grape" variant="light" tt="none" leftSection={<span aria-hidden="true">🔒</span>}>
                {t('timeline.confidential')}
              </Badge>
            )}
            {i.sentiment !== null && <SentimentBadge value={i.sentiment} />}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {[
            i.authorId ? t('timeline.by', { name: userName(i.authorId) }) : t('timeline.byUnknown'),
            people && t('timeline.with', { names: people }),
            stakeholderPeople > 0 && t('timeline.stakeholderPeople', { count: stakeholderPeople }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {i.redacted ? (
          <Text size="sm" fs="italic">
            {t('timeline.redacted')}
          </Text>
        ) : (
          <>
            {i.summary ? (
              <Markdown topHeading={4}>{i.summary}</Markdown>
            ) : (
              <Text size="sm" c="dimmed">
                {t('timeline.noSummary')}
              </Text>
            )}
            {i.followUps.length > 0 && <FollowUpList followUps={i.followUps} canTick={mayTick} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
