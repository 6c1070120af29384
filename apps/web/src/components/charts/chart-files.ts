import { type CsvCell, toCsv } from './csv';
import { downloadText, downloadUrl } from './download';
import { type ECharts, type EChartsCoreOption, echarts } from './echarts';

/** The chart as drawn on screen, at twice its pixel size, on white. */
export function saveChartPng(chart: ECharts, fileName: string): void {
  downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), fileName);
}

/** Draws the same chart once more with the SVG renderer, off screen, and saves its markup. */
export function saveChartSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  fileName: string,
): void {
  const element = document.createElement('div');
  element.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.append(element);
  const chart = echarts.init(element, null, { renderer: 'svg', width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    downloadText(chart.renderToSVGString(), fileName, 'image/svg+xml');
  } finally {
    chart.dispose();
    element.remove();
  }
}

/** A chart's data, with a byte-order mark so spreadsheets open Chinese labels as UTF-8. */
export function saveCsv(rows: CsvCell[][], fileName: string): void {
  downloadText(`\uFEFF${toCsv(rows)}`, fileName, 'text/csv;charset=utf-8');
}
