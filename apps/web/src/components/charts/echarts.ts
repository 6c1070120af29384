import { GraphChart, LinesChart, ScatterChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only the pieces the charts use are registered, so the chart bundle stays small (and is loaded
// only by the screens that draw charts, which are lazy routes).
echarts.use([
  ScatterChart,
  LinesChart,
  GraphChart,
  GridComponent,
  TooltipComponent,
  MarkAreaComponent,
  TitleComponent,
  LegendComponent,
  ToolboxComponent,
  GraphicComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export type { ECElementEvent, ECharts, EChartsCoreOption } from 'echarts/core';
export { echarts };
