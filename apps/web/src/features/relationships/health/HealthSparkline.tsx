import { Box } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { useEffect, useRef } from 'react';
import { echarts } from '../../../components/charts/echarts';
import { useChart } from '../../../components/charts/useChart';
import type { HealthDay } from './health.queries';

// The line chart is registered here rather than with the shared charts, so only this trend loads it.
echarts.use([LineChart]);

interface Props {
  days: readonly HealthDay[];
  /** Names the chart for assistive technology; the text beside it carries the values. */
  label: string;
}

/** A small line of the daily health score on a fixed 0–100 scale, so a flat line means a steady score. */
export function HealthSparkline({ days, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);

  useEffect(() => {
    chart?.setOption(
      {
        animation: false,
        grid: { left: 2, right: 2, top: 4, bottom: 4 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', show: false, data: days.map((day) => day.day) },
        yAxis: { type: 'value', show: false, min: 0, max: 100 },
        series: [
          {
            type: 'line',
            data: days.map((day) => day.score),
            // A lone measured day has no line to draw, so it shows as a dot.
            showSymbol: days.filter((day) => day.score !== null).length === 1,
            lineStyle: { width: 2, color: '#228be6' },
            itemStyle: { color: '#228be6' },
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, days]);

  return (
    <Box ref={container} h={56} maw={320} role="img" aria-label={label} data-testid="health-sparkline" />
  );
}
