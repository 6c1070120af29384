import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Stakeholder } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../../app/forms';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { StakeholderTabs } from '../stakeholders/StakeholderTabs';
import { ComparisonColumn } from './ComparisonColumn';
import { useDuplicates, useMerge } from './duplicate.queries';

interface Choice {
  survivor: Stakeholder;
  duplicate: Stakeholder;
}

export default function DuplicatesPage() {
  const { t } = useTranslation(['analysis', 'common']);
  const canMerge = useCan('stakeholders.merge');
  const pairs = useDuplicates();
  const merge = useMerge();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [merged, setMerged] = useState<Stakeholder | null>(null);

  const confirm = () => {
    if (!choice) return;
    merge.mutate(choice, {
      onSuccess: (survivor) => {
        setMerged(survivor);
        setChoice(null);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.description')} />
      <StakeholderTabs />
      {merged && (
        <Alert
          color="green"
          mb="md"
          withCloseButton
          onClose={() => setMerged(null)}
          closeButtonLabel={t('common:actions.close')}
        >
          {t('duplicates.merged')}{' '}
          <Anchor component={Link} to={`/stakeholders/${merged.id}`}>
            {merged.name}
          </Anchor>
        </Alert>
      )}
      {pairs.isPending ? (
        <PageLoader />
      ) : pairs.isError ? (
        <ErrorAlert error={pairs.error} onRetry={() => void pairs.refetch()} />
      ) : pairs.data.length === 0 ? (
        <EmptyState title={t('duplicates.emptyTitle')} description={t('duplicates.emptyBody')} />
      ) : (
        <Stack>
          {pairs.data.map((pair) => (
            <Paper key={`${pair.a.id}-${pair.b.id}`} withBorder p="md" radius="md" component="section">
              <Group gap="xs" mb="sm">
                <Text size="sm" fw={600}>
                  {t('duplicates.why')}
                </Text>
                {pair.reasons.map((reason) => (
                  <Badge key={reason} variant="light" color="orange" tt="none">
                    {t(`duplicates.reason.${reason}`)}
                  </Badge>
                ))}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <ComparisonColumn
                  stakeholder={pair.a}
                  other={pair.b}
                  canMerge={canMerge}
                  onKeep={() => setChoice({ survivor: pair.a, duplicate: pair.b })}
                />
                <ComparisonColumn
                  stakeholder={pair.b}
                  other={pair.a}
                  canMerge={canMerge}
                  onKeep={() => setChoice({ survivor: pair.b, duplicate: pair.a })}
                />
              </SimpleGrid>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal opened={choice !== null} onClose={() => setChoice(null)} title={t('duplicates.confirmTitle')}>
        {choice && (
          <Stack>
            <Text size="sm">
              {t('duplicates.confirmBody', {
                survivor: choice.survivor.name,
                duplicate: choice.duplicate.name,
              })}
            </Text>
            {merge.isError && (
              <Alert color="red" role="alert">
                {problemText(merge.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChoice(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button color="red" onClick={confirm} loading={merge.isPending}>
                {t('duplicates.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
