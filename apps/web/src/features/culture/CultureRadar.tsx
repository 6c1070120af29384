import { Box } from '@mantine/core';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts } from '../../components/charts/echarts';
import { useChart } from '../../components/charts/useChart';
import { type RadarSeries, radarOption } from './culture.chart';

// The radar is registered here rather than with the shared charts, so only the culture pages load it.
echarts.use([RadarChart, RadarComponent]);

interface Props {
  series: readonly RadarSeries[];
  /** Names the chart for assistive technology; the scores table next to it carries the values. */
  label: string;
}

/** The exchange–communal scores of one or two assessments as a radar chart. */
export function CultureRadar({ series, label }: Props) {
  const { t } = useTranslation(['culture']);
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);
  const option = useMemo(
    () =>
      radarOption(series, (dimension) =>
        t('chart.axis', {
          low: t(`dimensions.${dimension}.low`),
          high: t(`dimensions.${dimension}.high`),
        }),
      ),
    [series, t],
  );

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return <Box ref={container} h={360} role="img" aria-label={label} data-testid="culture-radar" />;
}
