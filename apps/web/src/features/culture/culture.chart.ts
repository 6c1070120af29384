import { type Communality, type CommunalityDimension, communalityDimensions } from '@rapport/contracts';
import type { EChartsCoreOption } from '../../components/charts/echarts';

export interface RadarSeries {
  name: string;
  scores: Communality;
}

/** Distinct at a glance and for red–green colour blindness: indigo, then orange. */
export const seriesColors = ['#4263eb', '#f76707'] as const;

/**
 * The five dimensions on one radar. Each axis runs from 0 at the centre to 5 at the edge, so a score of
 * 1 (the first pole) still shows as a point rather than vanishing into the centre.
 */
export function radarOption(
  series: readonly RadarSeries[],
  axisName: (dimension: CommunalityDimension) => string,
): EChartsCoreOption {
  return {
    color: [...seriesColors],
    animation: false,
    tooltip: { trigger: 'item' },
    legend: series.length > 1 ? { bottom: 0, data: series.map((item) => item.name) } : undefined,
    radar: {
      indicator: communalityDimensions.map((dimension) => ({ name: axisName(dimension), min: 0, max: 5 })),
      splitNumber: 5,
      radius: '62%',
      center: ['50%', series.length > 1 ? '47%' : '52%'],
      axisName: { color: '#495057', fontSize: 12 },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 6,
        areaStyle: { opacity: series.length > 1 ? 0.12 : 0.2 },
        data: series.map((item) => ({
          name: item.name,
          value: communalityDimensions.map((dimension) => item.scores[dimension]),
        })),
      },
    ],
  };
}
