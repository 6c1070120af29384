import { Box, VisuallyHidden } from '@mantine/core';
import type { Kpi } from '@rapport/contracts';
import { LineChart } from 'echarts/charts';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/format';
import { type EChartsCoreOption, echarts } from '../../components/charts/echarts';
import { useChart } from '../../components/charts/useChart';
import { formatKpiValue } from './kpi.format';

// Registered here, so only the screens drawing KPI trends load the line chart.
echarts.use([LineChart]);

/** The six periods of a KPI as a small line, with the same numbers as text for screen readers. */
export function KpiTrendChart({ kpi, height = 64 }: { kpi: Kpi; height?: number }) {
  const { t, i18n } = useTranslation('kpis');
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 4, right: 4, top: 6, bottom: 6 },
      xAxis: { type: 'category', show: false, data: kpi.trend.map((p) => p.to) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { dataIndex: number }[]) => {
          const point = kpi.trend[params[0]?.dataIndex ?? 0];
          return point
            ? `${formatDay(point.from, i18n.language)} – ${formatDay(point.to, i18n.language)}<br/>${formatKpiValue(point.value, kpi.unit, i18n.language)}`
            : '';
        },
      },
      series: [
        {
          type: 'line',
          data: kpi.trend.map((p) => p.value),
          connectNulls: false,
          symbolSize: 5,
          lineStyle: { width: 2, color: '#4c6ef5' },
          itemStyle: { color: '#4c6ef5' },
          markLine: undefined,
        },
      ],
    }),
    [kpi, i18n.language],
  );
  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  const text = kpi.trend
    .map(
      (p) =>
        `${formatDay(p.from, i18n.language)} – ${formatDay(p.to, i18n.language)}: ${formatKpiValue(p.value, kpi.unit, i18n.language)}`,
    )
    .join('; ');
  return (
    <>
      <Box ref={container} h={height} aria-hidden="true" data-testid={`kpi-trend-${kpi.key}`} />
      <VisuallyHidden>{t('trendText', { points: text })}</VisuallyHidden>
    </>
  );
}
