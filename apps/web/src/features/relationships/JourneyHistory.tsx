import { Stack, Text, Timeline, Title } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserName } from './relationship.names';
import { useJourneyMoves } from './relationship.queries';

/** Every move along the journey, newest first. */
export function JourneyHistory({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation(['relationships']);
  const moves = useJourneyMoves(relationship.id);
  const userName = useUserName();
  const stepNames = (keys: string[]) =>
    keys.map((key) => relationship.journey?.steps.find((step) => step.key === key)?.name ?? key).join(', ') ||
    t('history.start');

  return (
    <Stack gap="sm" component="section" aria-labelledby="journey-history-title">
      <Title order={2} size="h4" id="journey-history-title">
        {t('history.title')}
      </Title>
      {moves.isPending ? (
        <PageLoader />
      ) : moves.isError ? (
        <ErrorAlert error={moves.error} onRetry={() => void moves.refetch()} />
      ) : moves.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} aria-label={t('history.title')}>
          {moves.data.map((move) => (
            <Timeline.Item
              key={move.id}
              title={t('history.moved', { from: stepNames(move.fromSteps), to: stepNames(move.toSteps) })}
            >
              {move.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {move.note}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('history.by', {
                  name: userName(move.actorId) ?? t('checklist.someone'),
                  date: formatDate(move.at, i18n.language, true),
                })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
