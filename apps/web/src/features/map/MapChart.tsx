import { Box } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ECharts, EChartsCoreOption } from '../../components/charts/echarts';
import { useChart } from '../../components/charts/useChart';
import { clampScale, type MapPoint, nearestPoint } from './map.data';

export interface MapMove {
  point: MapPoint;
  influence: number;
  interest: number;
}

interface Props {
  points: readonly MapPoint[];
  option: EChartsCoreOption;
  /** When false (a past date is shown, or the user may not edit), points cannot be dragged. */
  draggable: boolean;
  label: string;
  onOpen: (point: MapPoint) => void;
  onMove: (move: MapMove) => void;
  onChart?: (chart: ECharts | null) => void;
}

interface ZrPointerEvent {
  offsetX: number;
  offsetY: number;
}

declare global {
  interface Window {
    /** Where a stakeholder is drawn on the map, in pixels of the chart; for browser tests and scripts. */
    rapportMap?: {
      pixelOf: (id: string) => [number, number] | null;
      pixelAt: (interest: number, influence: number) => [number, number];
      positionOf: (id: string) => { influence: number; interest: number } | null;
    };
  }
}

const ghostId = 'drag-ghost';
const dragThreshold = 4;

/** The canvas scatter: click a point to open it, drag it to another cell to re-assess it. */
export function MapChart({ points, option, draggable, label, onOpen, onMove, onChart }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);

  useEffect(() => onChart?.(chart), [chart, onChart]);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart) return;
    const toPixel = (x: number, y: number) =>
      chart.convertToPixel({ gridIndex: 0 }, [x, y]) as unknown as [number, number];
    window.rapportMap = {
      pixelOf: (id) => {
        const point = points.find((candidate) => candidate.id === id);
        return point ? toPixel(point.x, point.y) : null;
      },
      pixelAt: (interest, influence) => toPixel(interest, influence),
      positionOf: (id) => {
        const point = points.find((candidate) => candidate.id === id);
        return point ? { influence: point.influence, interest: point.interest } : null;
      },
    };
    let drag: { point: MapPoint; x: number; y: number; moved: boolean } | null = null;
    const clearGhost = () => chart.setOption({ graphic: [{ id: ghostId, $action: 'remove' }] });

    const down = (event: ZrPointerEvent) => {
      const point = nearestPoint(points, [event.offsetX, event.offsetY], toPixel);
      drag = point ? { point, x: event.offsetX, y: event.offsetY, moved: false } : null;
    };
    const move = (event: ZrPointerEvent) => {
      if (!drag) return;
      if (Math.hypot(event.offsetX - drag.x, event.offsetY - drag.y) > dragThreshold) drag.moved = true;
      if (!drag.moved || !draggable) return;
      chart.getZr().setCursorStyle('grabbing');
      chart.setOption({
        graphic: [
          {
            id: ghostId,
            type: 'circle',
            shape: { cx: event.offsetX, cy: event.offsetY, r: 9 },
            style: { fill: 'rgba(33, 37, 41, 0.35)', stroke: '#212529', lineWidth: 1.5 },
            z: 100,
            silent: true,
          },
        ],
      });
    };
    const up = (event: ZrPointerEvent) => {
      const current = drag;
      drag = null;
      if (!current) return;
      if (!current.moved) {
        onOpen(current.point);
        return;
      }
      clearGhost();
      if (!draggable) return;
      const [x, y] = chart.convertFromPixel({ gridIndex: 0 }, [event.offsetX, event.offsetY]) as number[];
      const interest = clampScale(x ?? current.point.interest);
      const influence = clampScale(y ?? current.point.influence);
      if (interest !== current.point.interest || influence !== current.point.influence) {
        onMove({ point: current.point, influence, interest });
      }
    };
    const out = () => {
      if (drag?.moved) clearGhost();
      drag = null;
    };

    const zr = chart.getZr();
    zr.on('mousedown', down);
    zr.on('mousemove', move);
    zr.on('mouseup', up);
    zr.on('globalout', out);
    return () => {
      zr.off('mousedown', down);
      zr.off('mousemove', move);
      zr.off('mouseup', up);
      zr.off('globalout', out);
      window.rapportMap = undefined;
    };
  }, [chart, points, draggable, onOpen, onMove]);

  return (
    <Box
      ref={container}
      h={560}
      w="100%"
      role="img"
      aria-label={label}
      data-testid="stakeholder-map"
      data-points={points.length}
      style={{ cursor: draggable ? 'grab' : 'default' }}
    />
  );
}
