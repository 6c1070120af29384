import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Kpi, KpiQuery } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KpiTrendChart } from './KpiTrendChart';
import { searchOf } from './kpi.filters';
import { formatKpiValue, statusColor } from './kpi.format';

interface Props {
  kpi: Kpi;
  query: KpiQuery;
  canManage: boolean;
  onTarget: (kpi: Kpi) => void;
  onEntry: (kpi: Kpi) => void;
}

/** One KPI: what it measures, its value against the target, its trend, what it was computed from. */
export function KpiCard({ kpi, query, canManage, onTarget, onEntry }: Props) {
  const { t, i18n } = useTranslation('kpis');
  const value = (v: number | null) => formatKpiValue(v, kpi.unit, i18n.language);
  const headingId = `kpi-${kpi.key}`;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      data-testid={`kpi-card-${kpi.key}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h5" id={headingId}>
            {t(`names.${kpi.key}`)}
          </Title>
          <Badge color={statusColor[kpi.status]} variant="light">
            {t(`status.${kpi.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`definitions.${kpi.key}`)}
        </Text>
        <Group align="flex-end" justify="space-between" wrap="nowrap">
          <Stack gap={0}>
            <Text fz={28} fw={700} data-testid={`kpi-value-${kpi.key}`}>
              {value(kpi.value)}
            </Text>
            <Text size="xs" c="dimmed">
              {kpi.target === null ? t('noTarget') : t('targetIs', { target: value(kpi.target) })}
              {' · '}
              {t(`direction.${kpi.direction}`)}
            </Text>
          </Stack>
          <div style={{ width: 140 }}>
            <KpiTrendChart kpi={kpi} />
          </div>
        </Group>
        {kpi.value === null && (
          <Text size="sm" c="dimmed">
            {t(`empty.${kpi.key}`)}
          </Text>
        )}
        {kpi.denominator !== null && (
          <Text size="sm">
            {t(`fraction.${kpi.unit}`, { numerator: kpi.numerator ?? 0, denominator: kpi.denominator })}
          </Text>
        )}
        {kpi.breakdown.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Caption>
              {t(`breakdown.${kpi.key}`, { defaultValue: t('breakdown.default') })}
            </Table.Caption>
            <Table.Tbody>
              {kpi.breakdown.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    {t(`breakdownLabels.${row.label}`, { defaultValue: row.label || t('none') })}
                  </Table.Td>
                  <Table.Td ta="right">
                    {kpi.unit === 'count' || kpi.key === 'ended_approach_not_followed'
                      ? row.count
                      : value(row.value)}
                  </Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {t('countOf', { count: row.count })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="xs" mt="xs">
          <Anchor component={Link} to={`/kpis/${kpi.key}${searchOf(query)}`} size="sm">
            {t('showRecords')}
          </Anchor>
          {canManage && (
            <Button size="compact-sm" variant="light" onClick={() => onTarget(kpi)}>
              {t('setTarget')}
            </Button>
          )}
          {canManage && kpi.source === 'manual' && (
            <Button size="compact-sm" variant="light" onClick={() => onEntry(kpi)}>
              {t('enterValue')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
