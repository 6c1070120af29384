import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ValueChainActivity, ValueChainHeatMap } from '@rapport/contracts';
import dayjs from 'dayjs';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ECharts } from '../../components/charts/echarts';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { LevelEditor } from './LevelEditor';
import { levelShades } from './levels';
import { RecordedChart, recordedChartOption } from './RecordedChart';
import { RecordedTable } from './RecordedTable';
import { exportCsv, exportPng, exportSvg } from './value-chain.export';
import { type Period, useValueChain } from './value-chain.queries';

const presets = { last30: 30, last90: 90, last365: 365 } as const;
type Preset = keyof typeof presets;

const periodOf = (days: number): Period => ({
  from: dayjs()
    .subtract(days - 1, 'day')
    .format('YYYY-MM-DD'),
  to: dayjs().format('YYYY-MM-DD'),
});

/** Guide figure 3.1: the practice's contribution to each value-chain activity, beside what was recorded. */
export default function ValueChainPage() {
  const { t } = useTranslation('valueChain');
  const [period, setPeriod] = useState<Period>(() => periodOf(90));
  const [preset, setPreset] = useState<Preset | null>('last90');
  const [editing, setEditing] = useState<ValueChainActivity | null>(null);
  const canManage = useCan('kpis.manage');
  const reversed = period.from > period.to;
  // While the dates are the wrong way round the page keeps showing the last period that made sense.
  const lastValid = useRef(period);
  if (!reversed) lastValid.current = period;
  const heatMap = useValueChain(lastValid.current);

  const choosePreset = (value: string) => {
    const key = value as Preset;
    setPreset(key);
    setPeriod(periodOf(presets[key]));
  };
  const setDay = (field: keyof Period, value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    setPreset(null);
    setPeriod((current) => ({ ...current, [field]: value }));
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} description={t('description')} />
      <Group align="flex-end" gap="md" wrap="wrap">
        <SegmentedControl
          aria-label={t('period.presets')}
          value={preset ?? ''}
          onChange={choosePreset}
          data={(Object.keys(presets) as Preset[]).map((key) => ({ value: key, label: t(`period.${key}`) }))}
        />
        <TextInput
          type="date"
          label={t('period.from')}
          value={period.from}
          max={period.to}
          onChange={(event) => setDay('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('period.to')}
          value={period.to}
          min={period.from}
          onChange={(event) => setDay('to', event.currentTarget.value)}
          error={reversed ? t('period.reversed') : undefined}
        />
      </Group>
      {heatMap.isPending ? (
        <PageLoader />
      ) : heatMap.isError ? (
        <ErrorAlert error={heatMap.error} onRetry={() => void heatMap.refetch()} />
      ) : (
        <>
          <HeatMap heatMap={heatMap.data} canManage={canManage} onEdit={setEditing} />
          <Recorded heatMap={heatMap.data} />
        </>
      )}
      {editing && <LevelEditor key={editing.activity} activity={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function HeatMap({
  heatMap,
  canManage,
  onEdit,
}: {
  heatMap: ValueChainHeatMap;
  canManage: boolean;
  onEdit: (activity: ValueChainActivity) => void;
}) {
  const { t } = useTranslation('valueChain');
  return (
    <Stack gap="xs" component="section" aria-labelledby="value-chain-heat-map">
      <Title order={2} size="h3" id="value-chain-heat-map">
        {t('heatMap')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('legend')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {heatMap.data.map((row) => {
          const shade = levelShades[row.level];
          const name = t(`activities.${row.activity}`);
          return (
            <Paper
              key={row.activity}
              component="article"
              aria-labelledby={`value-chain-${row.activity}`}
              data-testid={`value-chain-cell-${row.activity}`}
              data-level={row.level}
              withBorder
              radius="md"
              p="md"
              style={{ background: shade.background, color: shade.text }}
            >
              <Stack gap="xs" h="100%">
                <Title order={3} size="h4" id={`value-chain-${row.activity}`} c="inherit">
                  {name}
                </Title>
                <Badge
                  variant="white"
                  color="dark"
                  size="lg"
                  tt="none"
                  style={{ alignSelf: 'flex-start' }}
                  data-testid={`value-chain-level-${row.activity}`}
                >
                  {t('levelLabel', { level: t(`levels.${row.level}`) })}
                </Badge>
                <Text size="sm">{t(`contributions.${row.activity}`)}</Text>
                {row.note && (
                  <Text size="sm" fs="italic" data-testid={`value-chain-note-${row.activity}`}>
                    {t('noteLine', { note: row.note })}
                  </Text>
                )}
                <Group justify="space-between" align="center" mt="auto">
                  <Text size="sm" fw={600}>
                    {t('recordedTotal', { count: row.recorded.total })}
                  </Text>
                  {canManage && (
                    <Button
                      size="xs"
                      variant="white"
                      color="dark"
                      aria-label={t('edit.open', { activity: name })}
                      onClick={() => onEdit(row)}
                    >
                      {t('edit.button')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function Recorded({ heatMap }: { heatMap: ValueChainHeatMap }) {
  const { t } = useTranslation('valueChain');
  const [chart, setChart] = useState<ECharts | null>(null);
  const onChart = useCallback((instance: ECharts | null) => setChart(instance), []);
  const labels = useMemo(
    () => ({
      activity: (key: string) => t(`activities.${key}` as 'activities.plan'),
      type: (key: string) => t(`types.${key}` as 'types.culture_assessments'),
      level: (key: string) => t(`levels.${key}` as 'levels.none'),
      total: t('recorded.total'),
    }),
    [t],
  );
  const option = useMemo(() => recordedChartOption(heatMap, labels), [heatMap, labels]);
  const empty = heatMap.data.every((row) => row.recorded.total === 0);

  return (
    <Stack gap="sm" component="section" aria-labelledby="value-chain-recorded">
      <Group justify="space-between" align="center">
        <Title order={2} size="h3" id="value-chain-recorded">
          {t('recorded.title')}
        </Title>
        {!empty && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={!chart}
              onClick={() => chart && exportPng(chart, heatMap)}
            >
              {t('export.png')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!chart}
              onClick={() =>
                chart && exportSvg(option, { width: chart.getWidth(), height: chart.getHeight() }, heatMap)
              }
            >
              {t('export.svg')}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                exportCsv(heatMap, {
                  header: [
                    t('recorded.activity'),
                    t('edit.level'),
                    t('recorded.type'),
                    t('recorded.count'),
                    t('period.from'),
                    t('period.to'),
                  ],
                  ...labels,
                })
              }
            >
              {t('export.csv')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('recorded.mapping')}
      </Text>
      {empty ? (
        <EmptyState title={t('recorded.emptyTitle')} description={t('recorded.emptyBody')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <RecordedChart
            option={option}
            onChart={onChart}
            label={t('recorded.chart', { from: heatMap.period.from, to: heatMap.period.to })}
          />
          <RecordedTable heatMap={heatMap} activity={labels.activity} type={labels.type} />
        </SimpleGrid>
      )}
    </Stack>
  );
}
