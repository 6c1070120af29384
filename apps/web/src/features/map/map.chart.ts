import { type Quadrant, quadrants } from '@rapport/contracts';
import { echarts } from '../../components/charts/echarts';
import type { MapPoint } from './map.data';

export const quadrantColors: Record<Quadrant, string> = {
  manage_closely: '#e03131',
  keep_satisfied: '#e8590c',
  keep_informed: '#1c7ed6',
  monitor: '#868e96',
};

const areaColors: Record<Quadrant, string> = {
  manage_closely: 'rgba(224, 49, 49, 0.1)',
  keep_satisfied: 'rgba(232, 89, 12, 0.1)',
  keep_informed: 'rgba(28, 126, 214, 0.1)',
  monitor: 'rgba(134, 142, 150, 0.1)',
};

/** Interest runs along x, influence up y; "high" is 3 or more, so the split is at 2.5. */
const areas: Record<Quadrant, { x: [number, number]; y: [number, number]; position: string }> = {
  keep_satisfied: { x: [0.5, 2.5], y: [2.5, 5.5], position: 'insideTopLeft' },
  manage_closely: { x: [2.5, 5.5], y: [2.5, 5.5], position: 'insideTopRight' },
  monitor: { x: [0.5, 2.5], y: [0.5, 2.5], position: 'insideBottomLeft' },
  keep_informed: { x: [2.5, 5.5], y: [0.5, 2.5], position: 'insideBottomRight' },
};

export interface MapLabels {
  influence: string;
  interest: string;
  quadrant: (quadrant: Quadrant) => string;
  category: (category: string) => string;
  position: (influence: number, interest: number) => string;
}

export interface MapOptionInput {
  points: readonly MapPoint[];
  labels: MapLabels;
  showTargets: boolean;
  /** For the SVG export: no animation, no progressive drawing, every point a real element. */
  forExport?: boolean;
}

const largeFrom = 2000;

function targetOf(point: MapPoint): [number, number] | null {
  if (point.targetInfluence === null && point.targetInterest === null) return null;
  const influence = point.targetInfluence ?? point.influence;
  const interest = point.targetInterest ?? point.interest;
  if (influence === point.influence && interest === point.interest) return null;
  // The arrow keeps the point's offset, so arrows from one crowded cell do not all meet in one spot.
  return [interest + (point.x - point.interest), influence + (point.y - point.influence)];
}

export function groupByQuadrant(points: readonly MapPoint[]): Record<Quadrant, MapPoint[]> {
  const groups: Record<Quadrant, MapPoint[]> = {
    manage_closely: [],
    keep_satisfied: [],
    keep_informed: [],
    monitor: [],
  };
  for (const point of points) groups[point.quadrant]?.push(point);
  return groups;
}

export function buildMapOption({ points, labels, showTargets, forExport = false }: MapOptionInput) {
  const byQuadrant = groupByQuadrant(points);
  const large = !forExport && points.length > largeFrom;
  const axis = (name: string) => ({
    type: 'value' as const,
    min: 0.5,
    max: 5.5,
    interval: 0.5,
    name,
    nameLocation: 'middle' as const,
    nameGap: 30,
    nameTextStyle: { fontWeight: 'bold' as const, fontSize: 13 },
    axisLabel: { formatter: (value: number) => (Number.isInteger(value) ? String(value) : '') },
    axisTick: { show: false },
    splitLine: { show: false },
  });

  const quadrantSeries = quadrants.map((quadrant) => ({
    id: quadrant,
    name: labels.quadrant(quadrant),
    type: 'scatter' as const,
    data: byQuadrant[quadrant].map((point) => [point.x, point.y]),
    symbolSize: large ? 5 : 13,
    itemStyle: {
      color: quadrantColors[quadrant],
      opacity: large ? 0.7 : 0.9,
      borderColor: '#fff',
      borderWidth: large ? 0 : 1,
    },
    large,
    largeThreshold: largeFrom,
    progressive: forExport ? 0 : 5000,
    progressiveThreshold: 10000,
    emphasis: { scale: 1.4 },
    z: 3,
  }));

  const arrows = showTargets
    ? points.flatMap((point) => {
        const target = targetOf(point);
        return target ? [{ coords: [[point.x, point.y], target] }] : [];
      })
    : [];

  return {
    animation: !forExport && points.length < largeFrom,
    backgroundColor: '#ffffff',
    grid: { left: 56, right: 24, top: 48, bottom: 56 },
    legend: { top: 8, data: quadrants.map(labels.quadrant), itemGap: 16 },
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: { seriesId?: string; dataIndex: number }) => {
        const point = byQuadrant[params.seriesId as Quadrant]?.[params.dataIndex];
        if (!point) return '';
        const encode = echarts.format.encodeHTML;
        return [
          `<strong>${encode(point.name)}</strong>`,
          encode(labels.category(point.category)),
          encode(labels.position(point.influence, point.interest)),
          encode(labels.quadrant(point.quadrant)),
        ].join('<br/>');
      },
    },
    xAxis: axis(labels.interest),
    yAxis: { ...axis(labels.influence), nameGap: 34 },
    series: [
      {
        id: 'quadrant-areas',
        type: 'scatter' as const,
        data: [],
        silent: true,
        markArea: {
          silent: true,
          data: quadrants.map((quadrant) => {
            const area = areas[quadrant];
            return [
              {
                name: labels.quadrant(quadrant),
                xAxis: area.x[0],
                yAxis: area.y[0],
                itemStyle: { color: areaColors[quadrant] },
                label: {
                  position: area.position,
                  color: quadrantColors[quadrant],
                  fontWeight: 'bold' as const,
                  fontSize: 13,
                },
              },
              { xAxis: area.x[1], yAxis: area.y[1] },
            ];
          }),
        },
        z: 1,
      },
      ...quadrantSeries,
      {
        id: 'targets',
        type: 'lines' as const,
        coordinateSystem: 'cartesian2d',
        data: arrows,
        silent: true,
        large: !forExport && arrows.length > largeFrom,
        symbol: ['none', 'arrow'],
        symbolSize: 7,
        lineStyle: { color: '#495057', width: 1, opacity: 0.55, type: 'dashed' as const },
        z: 2,
      },
    ],
  };
}
