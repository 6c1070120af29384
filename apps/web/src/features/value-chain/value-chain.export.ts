import type { ValueChainHeatMap } from '@rapport/contracts';
import { toCsv } from '../../components/charts/csv';
import { downloadText, downloadUrl } from '../../components/charts/download';
import { type ECharts, type EChartsCoreOption, echarts } from '../../components/charts/echarts';

const fileName = (heatMap: ValueChainHeatMap, extension: string) =>
  `value-chain-${heatMap.period.from}-${heatMap.period.to}.${extension}`;

export function exportPng(chart: ECharts, heatMap: ValueChainHeatMap): void {
  downloadUrl(
    chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }),
    fileName(heatMap, 'png'),
  );
}

/** Draws the chart once more with the SVG renderer, off screen, and saves its markup. */
export function exportSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  heatMap: ValueChainHeatMap,
): void {
  const element = document.createElement('div');
  element.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.append(element);
  const chart = echarts.init(element, null, { renderer: 'svg', width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    downloadText(chart.renderToSVGString(), fileName(heatMap, 'svg'), 'image/svg+xml');
  } finally {
    chart.dispose();
    element.remove();
  }
}

/** One row per activity and record type, with the level, in the user's language (UTF-8 with BOM for Excel). */
export function exportCsv(
  heatMap: ValueChainHeatMap,
  labels: {
    header: string[];
    activity: (key: string) => string;
    level: (key: string) => string;
    type: (key: string) => string;
  },
): void {
  const rows = [labels.header];
  for (const row of heatMap.data) {
    for (const count of row.recorded.counts) {
      rows.push([
        labels.activity(row.activity),
        labels.level(row.level),
        labels.type(count.type),
        String(count.count),
        heatMap.period.from,
        heatMap.period.to,
      ]);
    }
  }
  downloadText(`\uFEFF${toCsv(rows)}`, fileName(heatMap, 'csv'), 'text/csv;charset=utf-8');
}
