import {
  type Dashboard,
  type ExceptionSeverity,
  type ExceptionType,
  exceptionSeverities,
  exceptionTypes,
} from '@rapport/contracts';
import type { TFunction } from 'i18next';
import type { EChartsCoreOption } from '../../components/charts/echarts';
import type { CsvCell } from './dashboard.export';

const bandColours = { good: '#2f9e44', fair: '#f08c00', poor: '#e03131', unmeasured: '#adb5bd' } as const;
const severityColours: Record<ExceptionSeverity, string> = {
  minor: '#fab005',
  moderate: '#f76707',
  severe: '#c92a2a',
};
const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The page's translation function: the dashboard's own texts, engagement levels, exception types and severities. */
export type DashboardT = TFunction<readonly ['dashboard', 'enums', 'exceptions']>;

export interface ChartData {
  option: EChartsCoreOption;
  rows: CsvCell[][];
}

export function healthChart(health: Dashboard['health'], t: DashboardT): ChartData {
  const labels = health.bands.map((band) => t(`dashboard:health.band.${band.band}`));
  return {
    option: {
      animation: false,
      grid: { left: 40, right: 16, top: 24, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const band = health.bands[p.dataIndex];
          if (!band) return '';
          return `<b>${escapeHtml(labels[p.dataIndex] ?? '')}</b><br/>${escapeHtml(
            t('dashboard:health.tooltip', { count: band.count, overridden: band.overridden }),
          )}`;
        },
      },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 64,
          label: { show: true, position: 'top' },
          data: health.bands.map((band) => ({
            value: band.count,
            itemStyle: { color: bandColours[band.band] },
          })),
        },
      ],
    },
    rows: [
      [
        t('dashboard:health.columns.band'),
        t('dashboard:health.columns.count'),
        t('dashboard:health.columns.overridden'),
      ],
      ...health.bands.map((band, index) => [labels[index] ?? band.band, band.count, band.overridden]),
    ],
  };
}

export function funnelChart(funnel: Dashboard['funnel'], t: DashboardT): ChartData {
  const days = (value: number | null) =>
    value === null ? '—' : t('dashboard:funnel.days', { count: value });
  const percent = (value: number | null) => (value === null ? '—' : `${value}%`);
  return {
    option: {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const step = funnel.steps[p.dataIndex];
          if (!step) return '';
          return [
            `<b>${escapeHtml(step.name)}</b>`,
            escapeHtml(t('dashboard:funnel.tooltip.now', { count: step.now })),
            escapeHtml(
              t('dashboard:funnel.tooltip.conversion', {
                value: percent(step.conversion),
                advanced: step.advanced,
                left: step.left,
              }),
            ),
            escapeHtml(
              t('dashboard:funnel.tooltip.time', {
                median: days(step.medianDays),
                average: days(step.averageDays),
              }),
            ),
          ].join('<br/>');
        },
      },
      series: [
        {
          type: 'funnel',
          // The model's order, not by size: a later step may hold more than an earlier one.
          sort: 'none',
          minSize: '12%',
          left: '10%',
          width: '80%',
          top: 8,
          bottom: 8,
          label: { show: true, position: 'inside', formatter: '{b}: {c}' },
          data: funnel.steps.map((step) => ({ name: step.name, value: step.now })),
        },
      ],
    },
    rows: [
      [
        t('dashboard:funnel.columns.step'),
        t('dashboard:funnel.columns.now'),
        t('dashboard:funnel.columns.left'),
        t('dashboard:funnel.columns.advanced'),
        t('dashboard:funnel.columns.conversion'),
        t('dashboard:funnel.columns.median'),
        t('dashboard:funnel.columns.average'),
      ],
      ...funnel.steps.map((step) => [
        step.name,
        step.now,
        step.left,
        step.advanced,
        step.conversion,
        step.medianDays,
        step.averageDays,
      ]),
    ],
  };
}

export function engagementChart(engagement: Dashboard['engagement'], t: DashboardT): ChartData {
  const labels = engagement.levels.map((level) => t(`enums:engagement.${level.level}`));
  const current = t('dashboard:engagement.current');
  const desired = t('dashboard:engagement.desired');
  return {
    option: {
      animation: false,
      grid: { left: 40, right: 16, top: 40, bottom: 32, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: current,
          type: 'bar',
          color: '#868e96',
          data: engagement.levels.map((level) => level.current),
        },
        {
          name: desired,
          type: 'bar',
          color: '#4263eb',
          data: engagement.levels.map((level) => level.desired),
        },
      ],
    },
    rows: [
      [t('dashboard:engagement.columns.level'), current, desired],
      ...engagement.levels.map((level, index) => [
        labels[index] ?? level.level,
        level.current,
        level.desired,
      ]),
    ],
  };
}

export function exceptionsChart(exceptions: Dashboard['exceptions'], t: DashboardT): ChartData {
  const count = (list: Dashboard['exceptions']['open'], type: ExceptionType, severity: ExceptionSeverity) =>
    list.find((cell) => cell.type === type && cell.severity === severity)?.count ?? 0;
  const types = exceptionTypes.filter((type) =>
    [...exceptions.open, ...exceptions.raised].some((cell) => cell.type === type),
  );
  const labels = types.map((type) => t(`exceptions:type.${type}`));
  const series = (['open', 'raised'] as const).flatMap((which) =>
    exceptionSeverities.map((severity) => ({
      name: `${t(`dashboard:exceptions.${which}`)} · ${t(`exceptions:severity.${severity}`)}`,
      type: 'bar',
      stack: which,
      color: severityColours[severity],
      itemStyle: which === 'raised' ? { opacity: 0.55 } : undefined,
      data: types.map((type) => count(exceptions[which], type, severity)),
    })),
  );
  return {
    option: {
      animation: false,
      grid: { left: 40, right: 16, top: 64, bottom: 48, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { interval: 0, rotate: types.length > 4 ? 20 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    },
    rows: [
      [
        t('dashboard:exceptions.columns.type'),
        t('dashboard:exceptions.columns.severity'),
        t('dashboard:exceptions.open'),
        t('dashboard:exceptions.raised'),
      ],
      ...types.flatMap((type, index) =>
        exceptionSeverities
          .map((severity): CsvCell[] => [
            labels[index] ?? type,
            t(`exceptions:severity.${severity}`),
            count(exceptions.open, type, severity),
            count(exceptions.raised, type, severity),
          ])
          .filter((row) => row[2] !== 0 || row[3] !== 0),
      ),
    ],
  };
}
