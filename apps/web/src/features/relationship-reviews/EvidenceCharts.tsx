import { Box } from '@mantine/core';
import type { ReviewEvidence } from '@rapport/contracts';
import { LineChart } from 'echarts/charts';
import { useEffect, useRef } from 'react';
import { echarts } from '../../components/charts/echarts';
import { useChart } from '../../components/charts/useChart';

// Registered here, like the health sparkline, so only the screens drawing a trend load it.
echarts.use([LineChart]);

interface Props {
  evidence: ReviewEvidence;
  /** Names the chart for assistive technology; the counts beside it carry the values. */
  label: string;
  sentimentName: string;
  healthName: string;
}

/** Average sentiment per day (−2..+2, left axis) and the health score (0–100, right axis) over the period. */
export function EvidenceTrend({ evidence, label, sentimentName, healthName }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);

  useEffect(() => {
    const days = [
      ...new Set([
        evidence.periodFrom,
        ...evidence.interactions.sentimentByDay.map((d) => d.day),
        ...evidence.health.map((d) => d.day),
        evidence.periodTo,
      ]),
    ].sort();
    const sentiment = new Map(evidence.interactions.sentimentByDay.map((d) => [d.day, d.average]));
    const health = new Map(evidence.health.map((d) => [d.day, d.score]));
    chart?.setOption(
      {
        animation: false,
        grid: { left: 36, right: 40, top: 28, bottom: 24 },
        legend: { data: [sentimentName, healthName], top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: days },
        yAxis: [
          { type: 'value', min: -2, max: 2, interval: 1 },
          { type: 'value', min: 0, max: 100, splitLine: { show: false } },
        ],
        series: [
          {
            name: sentimentName,
            type: 'line',
            connectNulls: true,
            data: days.map((day) => sentiment.get(day) ?? null),
            lineStyle: { width: 2, color: '#7048e8' },
            itemStyle: { color: '#7048e8' },
          },
          {
            name: healthName,
            type: 'line',
            yAxisIndex: 1,
            connectNulls: true,
            data: days.map((day) => health.get(day) ?? null),
            lineStyle: { width: 2, color: '#228be6', type: 'dashed' },
            itemStyle: { color: '#228be6' },
          },
        ],
      },
      { notMerge: true },
    );
  }, [chart, evidence, sentimentName, healthName]);

  return <Box ref={container} h={220} role="img" aria-label={label} data-testid="evidence-trend" />;
}
