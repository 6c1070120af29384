import { Box } from '@mantine/core';
import type { ValueChainHeatMap } from '@rapport/contracts';
import { BarChart } from 'echarts/charts';
import { useEffect, useRef } from 'react';
import { type ECharts, type EChartsCoreOption, echarts } from '../../components/charts/echarts';
import { useChart } from '../../components/charts/useChart';
import { levelShades } from './levels';

// Registered here, so only the screens drawing bars load the bar chart.
echarts.use([BarChart]);

export interface ChartLabels {
  activity: (key: string) => string;
  type: (key: string) => string;
  total: string;
}

/** One bar per value-chain activity (its records in the period), shaded like its heat-map cell. */
export function recordedChartOption(heatMap: ValueChainHeatMap, labels: ChartLabels): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 36, bottom: 56, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: { dataIndex: number }) => {
        const row = heatMap.data[params.dataIndex];
        if (!row) return '';
        const lines = row.recorded.counts.map((c) => `${escapeHtml(labels.type(c.type))}: ${c.count}`);
        return [`<b>${escapeHtml(labels.activity(row.activity))}</b>`, ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: heatMap.data.map((row) => labels.activity(row.activity)),
      axisLabel: { interval: 0, rotate: 20 },
    },
    yAxis: { type: 'value', minInterval: 1, name: labels.total },
    series: [
      {
        type: 'bar',
        barMaxWidth: 56,
        label: { show: true, position: 'top' },
        data: heatMap.data.map((row) => ({
          value: row.recorded.total,
          itemStyle: { color: levelShades[row.level].background, borderColor: '#3b5bdb', borderWidth: 1 },
        })),
      },
    ],
  };
}

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

interface Props {
  option: EChartsCoreOption;
  label: string;
  onChart: (chart: ECharts | null) => void;
}

/** The bar chart; the table beside it carries the same numbers for screen readers and keyboards. */
export function RecordedChart({ option, label, onChart }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);
  useEffect(() => onChart(chart), [chart, onChart]);

  return <Box ref={container} h={300} role="img" aria-label={label} data-testid="value-chain-chart" />;
}
