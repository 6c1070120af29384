import { Group, Stack, Text } from '@mantine/core';
import type { Health } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format';
import { useUserName } from '../relationship.names';
import { bandColors, healthBand } from './health.band';

/** The score in force, large and in its band colour, saying whether it is computed or a manager's override. */
export function HealthScore({ health }: { health: Health }) {
  const { t, i18n } = useTranslation(['relationships']);
  const userName = useUserName();
  const band = healthBand(health.score);
  const { override } = health;

  return (
    <Stack gap={4}>
      <Group gap="sm" align="baseline">
        <Text fz={48} fw={700} lh={1} c={bandColors[band]} data-testid="health-score">
          {health.score ?? '—'}
        </Text>
        {health.score !== null && (
          <Text size="sm" c="dimmed">
            {t('health.outOf')}
          </Text>
        )}
        <Text fw={600} c={bandColors[band]}>
          {t(`health.band.${band}`)}
        </Text>
      </Group>
      {override ? (
        <>
          <Text size="sm" fw={600}>
            {t('health.overrideBy', {
              name: userName(override.by) ?? t('health.formerUser'),
              date: formatDate(override.at, i18n.language),
            })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {override.comment}
          </Text>
          <Text size="sm" c="dimmed">
            {health.computed === null
              ? t('health.computedUnmeasured')
              : t('health.computedBeside', { score: health.computed })}
          </Text>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('health.computedLabel')}
        </Text>
      )}
    </Stack>
  );
}
