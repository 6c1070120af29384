import { Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { InteractionEntry } from './InteractionEntry';
import { type TimelineScope, useInteractionTimeline } from './interaction.queries';
import { LogInteractionModal } from './LogInteractionModal';

interface Props {
  scope: TimelineScope;
  /** False where nothing new may be logged (an ended relationship, an archived stakeholder). */
  open: boolean;
}

/** The interactions of a relationship or with a stakeholder, newest first, and the way to log another. */
export function InteractionTimeline({ scope, open }: Props) {
  const { t } = useTranslation(['interactions']);
  const canLog = useCan('interactions.write') && open;
  const canTick = useCan('interactions.write');
  const query = useInteractionTimeline(scope);
  const [logging, setLogging] = useState(false);
  const interactions = query.data?.pages.flatMap((page) => page.data) ?? [];
  const relationshipId = 'relationshipId' in scope ? scope.relationshipId : null;
  const stakeholderId = 'stakeholderId' in scope ? scope.stakeholderId : null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="interactions-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="interactions-title">
          {t('timeline.title')}
        </Title>
        {canLog && <Button onClick={() => setLogging(true)}>{t('timeline.log')}</Button>}
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : interactions.length === 0 ? (
        <EmptyState
          title={t('timeline.emptyTitle')}
          description={canLog ? t('timeline.emptyBodyWrite') : t('timeline.emptyBodyRead')}
        />
      ) : (
        <>
          {interactions.map((interaction) => (
            <InteractionEntry key={interaction.id} interaction={interaction} canTick={canTick} />
          ))}
          {query.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void query.fetchNextPage()}
                loading={query.isFetchingNextPage}
              >
                {t('timeline.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      {canLog && (
        <LogInteractionModal
          opened={logging}
          onClose={() => setLogging(false)}
          relationshipId={relationshipId}
          stakeholderId={stakeholderId}
        />
      )}
    </Stack>
  );
}
