import { type CsvCell, toCsv } from '../../components/charts/csv';
import { downloadText, downloadUrl } from '../../components/charts/download';
import { type ECharts, type EChartsCoreOption, echarts } from '../../components/charts/echarts';

export type { CsvCell };

const fileName = (name: string, extension: string) =>
  `dashboard-${name}-${new Date().toISOString().slice(0, 10)}.${extension}`;

export function exportPng(chart: ECharts, name: string): void {
  downloadUrl(
    chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }),
    fileName(name, 'png'),
  );
}

/** Draws the same chart once more with the SVG renderer, off screen, and saves its markup. */
export function exportSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  name: string,
): void {
  const element = document.createElement('div');
  element.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.append(element);
  const chart = echarts.init(element, null, { renderer: 'svg', width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    downloadText(chart.renderToSVGString(), fileName(name, 'svg'), 'image/svg+xml');
  } finally {
    chart.dispose();
    element.remove();
  }
}

/** With a byte-order mark, so spreadsheets open Chinese labels as UTF-8. */
export function exportCsv(rows: CsvCell[][], name: string): void {
  downloadText(`\uFEFF${toCsv(rows)}`, fileName(name, 'csv'), 'text/csv;charset=utf-8');
}
