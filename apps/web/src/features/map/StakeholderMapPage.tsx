import { Alert, Button, Group, Switch, Text, TextInput } from '@mantine/core';
import type { Quadrant } from '@rapport/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import type { ECharts } from '../../components/charts/echarts';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { StakeholderFilterBar } from '../stakeholders/StakeholderFilterBar';
import { StakeholderTabs } from '../stakeholders/StakeholderTabs';
import { filtersFromSearch, hasActiveFilters, searchFromFilters } from '../stakeholders/stakeholder.filters';
import { MapChart, type MapMove } from './MapChart';
import { buildMapOption, type MapLabels } from './map.chart';
import { type MapPoint, toPoints } from './map.data';
import { exportPng, exportSvg } from './map.export';
import { useStakeholderMap } from './map.queries';
import { QuadrantLegend } from './QuadrantLegend';
import { ReassessModal, type ReassessRequest } from './ReassessModal';

const today = () => new Date().toISOString().slice(0, 10);

export default function StakeholderMapPage() {
  const { t, i18n } = useTranslation(['analysis', 'stakeholders', 'enums', 'common']);
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(searchParams.get('asOf') ?? '') ? searchParams.get('asOf') : null;
  const showTargets = searchParams.get('targets') !== 'off';
  const canWrite = useCan('stakeholders.write');
  const map = useStakeholderMap(filters, asOf);
  const chartRef = useRef<ECharts | null>(null);
  const [reassess, setReassess] = useState<ReassessRequest | null>(null);

  const setParams = (next: URLSearchParams) => {
    if (asOf) next.set('asOf', asOf);
    if (!showTargets) next.set('targets', 'off');
    setSearchParams(next, { replace: true });
  };
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearchParams(next, { replace: true });
  };

  const points = useMemo(() => (map.data ? toPoints(map.data) : []), [map.data]);
  const labels = useMemo<MapLabels>(
    () => ({
      influence: t('stakeholders:fields.influence'),
      interest: t('stakeholders:fields.interest'),
      quadrant: (quadrant) => t(`enums:quadrant.${quadrant}`),
      category: (category) => t(`enums:category.${category}` as 'enums:category.other'),
      position: (influence, interest) => t('map.position', { influence, interest }),
    }),
    [t],
  );
  const option = useMemo(
    () => buildMapOption({ points, labels, showTargets }),
    [points, labels, showTargets],
  );
  const counts = useMemo(() => {
    const result: Partial<Record<Quadrant, number>> = {};
    for (const point of points) result[point.quadrant] = (result[point.quadrant] ?? 0) + 1;
    return result;
  }, [points]);

  const draggable = canWrite && !asOf;
  const onOpen = useCallback((point: MapPoint) => void navigate(`/stakeholders/${point.id}`), [navigate]);
  const onMove = useCallback(
    ({ point, influence, interest }: MapMove) =>
      setReassess({ stakeholderId: point.id, influence, interest }),
    [],
  );
  const onChart = useCallback((chart: ECharts | null) => {
    chartRef.current = chart;
  }, []);

  const exportButtons = points.length > 0 && (
    <>
      <Button variant="default" onClick={() => chartRef.current && exportPng(chartRef.current, asOf)}>
        {t('map.exportPng')}
      </Button>
      <Button
        variant="default"
        onClick={() => {
          const chart = chartRef.current;
          if (!chart) return;
          const forExport = buildMapOption({ points, labels, showTargets, forExport: true });
          exportSvg(forExport, { width: chart.getWidth(), height: chart.getHeight() }, asOf);
        }}
      >
        {t('map.exportSvg')}
      </Button>
    </>
  );

  return (
    <>
      <PageHeader title={t('map.title')} description={t('map.description')} actions={exportButtons} />
      <StakeholderTabs />
      <StakeholderFilterBar
        filters={filters}
        onChange={(next) => setParams(searchFromFilters(next))}
        onClear={() => setParams(new URLSearchParams())}
      />
      <Group gap="md" align="flex-end" mb="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t('map.asOf')}
          description={t('map.asOfHint')}
          value={asOf ?? ''}
          max={today()}
          onChange={(event) => setParam('asOf', event.currentTarget.value || null)}
          w={220}
        />
        {asOf && (
          <Button variant="subtle" onClick={() => setParam('asOf', null)}>
            {t('map.backToToday')}
          </Button>
        )}
        <Switch
          label={t('map.showTargets')}
          checked={showTargets}
          onChange={(event) => setParam('targets', event.currentTarget.checked ? null : 'off')}
          mb={6}
        />
        {draggable && (
          <Button
            variant="light"
            onClick={() => setReassess({ stakeholderId: null, influence: null, interest: null })}
          >
            {t('reassess.open')}
          </Button>
        )}
        <Text size="sm" c="dimmed" ml="auto" aria-live="polite" mb={6}>
          {map.data ? t('map.count', { count: map.data.total }) : ''}
        </Text>
      </Group>
      {asOf && (
        <Alert color="blue" mb="sm">
          {t('map.asOfNotice', { date: formatDate(asOf, i18n.language) })}
        </Alert>
      )}
      {draggable && points.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('map.dragHint')}
        </Text>
      )}
      {map.isPending ? (
        <PageLoader />
      ) : map.isError ? (
        <ErrorAlert error={map.error} onRetry={() => void map.refetch()} />
      ) : points.length === 0 ? (
        <EmptyState
          title={asOf ? t('map.emptyAsOfTitle') : t('map.emptyTitle')}
          description={
            asOf
              ? t('map.emptyAsOfBody')
              : hasActiveFilters(filters)
                ? t('map.noMatchBody')
                : t('map.emptyBody')
          }
          action={
            hasActiveFilters(filters) ? (
              <Button variant="light" onClick={() => setParams(new URLSearchParams())}>
                {t('stakeholders:filters.clear')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <MapChart
          points={points}
          option={option}
          draggable={draggable}
          label={t('map.chartLabel', { count: points.length })}
          onOpen={onOpen}
          onMove={onMove}
          onChart={onChart}
        />
      )}
      {points.length > 0 && <QuadrantLegend counts={counts} />}
      <ReassessModal request={reassess} onClose={() => setReassess(null)} />
    </>
  );
}
