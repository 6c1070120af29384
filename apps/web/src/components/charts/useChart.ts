import { type RefObject, useEffect, useRef, useState } from 'react';
import { type ECharts, echarts } from './echarts';

/** A chart bound to a container element: created once, resized with the element, disposed on unmount. */
export function useChart(container: RefObject<HTMLDivElement | null>): ECharts | null {
  const [chart, setChart] = useState<ECharts | null>(null);
  const created = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    created.current = instance;
    setChart(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      created.current = null;
      setChart(null);
    };
  }, [container]);

  return chart;
}
