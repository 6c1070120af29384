import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { SatisfactionFigures } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" aria-label={`${label}: ${value}`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The bar of promoters, passives and detractors, with the counts written out for screen readers. */
export function NpsBar({ nps }: { nps: SatisfactionFigures['nps'] }) {
  const { t } = useTranslation(['surveys']);
  if (nps === null || nps.count === 0) return null;
  const share = (n: number) => (n / nps.count) * 100;
  const parts = [
    { key: 'promoters', value: nps.promoters, color: 'teal' },
    { key: 'passives', value: nps.passives, color: 'gray' },
    { key: 'detractors', value: nps.detractors, color: 'red' },
  ] as const;
  return (
    <Stack gap={4}>
      <Progress.Root size={20} aria-label={t('results.npsBar', nps)}>
        {parts.map((part) => (
          <Tooltip key={part.key} label={`${t(`results.${part.key}`)}: ${part.value}`}>
            <Progress.Section value={share(part.value)} color={part.color}>
              {part.value > 0 && <Progress.Label>{part.value}</Progress.Label>}
            </Progress.Section>
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="md">
        {parts.map((part) => (
          <Text key={part.key} size="xs" c={`${part.color}.7`}>
            {t(`results.${part.key}`)}: {part.value}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}

/** Response rate, CSAT, NPS with its three groups, and the climate score. */
export function ResultsPanel({
  figures,
  kind,
}: {
  figures: SatisfactionFigures;
  kind: 'satisfaction' | 'climate';
}) {
  const { t } = useTranslation(['surveys']);
  const none = t('results.noData');
  const number = (value: number | null | undefined, suffix = '') =>
    value === null || value === undefined ? none : `${value}${suffix}`;
  return (
    <Stack gap="sm">
      {!figures.shown && (
        <Alert
          color="gray"
          data-testid="results-hidden"
          title={t('results.hidden', { k: figures.minAnswers })}
        >
          {t('results.hiddenBody', { k: figures.minAnswers })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('results.invited')} value={String(figures.invited)} />
        <Figure label={t('results.answered')} value={number(figures.answered)} />
        <Figure label={t('results.responseRate')} value={number(figures.responseRate, '%')} />
        {kind === 'satisfaction' ? (
          <Figure label={t('results.csat')} value={number(figures.csat?.average)} hint={t('results.outOf')} />
        ) : (
          <Figure
            label={t('results.climate')}
            value={number(figures.climate?.average)}
            hint={t('results.outOf')}
          />
        )}
      </SimpleGrid>
      {kind === 'satisfaction' && (
        <Paper withBorder p="sm" radius="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('results.nps')}</Text>
            <Text fw={700} size="lg" aria-label={`${t('results.nps')}: ${number(figures.nps?.score)}`}>
              {number(figures.nps?.score)}
            </Text>
          </Group>
          <NpsBar nps={figures.nps} />
        </Paper>
      )}
    </Stack>
  );
}
