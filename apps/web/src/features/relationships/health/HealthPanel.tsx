import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { problemText } from '../../../app/forms';
import { useCan } from '../../auth/auth.queries';
import { relationshipKeys } from '../relationship.queries';
import { HealthOverrideModal } from './HealthOverrideModal';
import { HealthReasons } from './HealthReasons';
import { HealthScore } from './HealthScore';
import { HealthTrend } from './HealthTrend';
import { useSetHealthOverride } from './health.mutations';

/** The relationship's health: the score in force, why it is what it is, its trend and a manager's override. */
export function HealthPanel({ relationship }: { relationship: Relationship }) {
  const { t } = useTranslation(['relationships']);
  const queryClient = useQueryClient();
  const canOverride = useCan('relationships.health');
  const removeOverride = useSetHealthOverride();
  const [overriding, setOverriding] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const { health } = relationship;
  // An ended or archived relationship is read-only on the server.
  const editable = canOverride && relationship.status !== 'ended' && !relationship.archivedAt;

  const remove = () => {
    setRemoveError(null);
    removeOverride.mutate(
      { relationship, healthOverride: null },
      {
        onError: (error) => {
          if (isApiError(error, 409)) {
            void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(relationship.id) });
            setRemoveError(t('health.override.conflict'));
            return;
          }
          setRemoveError(problemText(error));
        },
      },
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="health-title">
      <Group justify="space-between" align="center">
        <Title order={2} size="h4" id="health-title">
          {t('health.title')}
        </Title>
        {editable && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setOverriding(true)}>
              {t('health.override.open')}
            </Button>
            {health.override && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={remove}
                loading={removeOverride.isPending}
              >
                {t('health.override.remove')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {removeError && (
        <Alert color="red" variant="light" role="alert">
          {removeError}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <HealthScore health={health} />
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('health.trend.title')}
                </Text>
                <HealthTrend relationshipId={relationship.id} />
              </Stack>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <HealthReasons reasons={health.reasons} />
          </Grid.Col>
        </Grid>
      </Paper>
      {editable && (
        <HealthOverrideModal
          relationship={relationship}
          opened={overriding}
          onClose={() => setOverriding(false)}
        />
      )}
    </Stack>
  );
}
