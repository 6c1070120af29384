import { downloadText, downloadUrl } from '../../components/charts/download';
import { type ECharts, type EChartsCoreOption, echarts } from '../../components/charts/echarts';

function fileName(extension: string, asOf: string | null): string {
  const date = asOf ?? new Date().toISOString().slice(0, 10);
  return `stakeholder-map-${date}.${extension}`;
}

export function exportPng(chart: ECharts, asOf: string | null): void {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  downloadUrl(url, fileName('png', asOf));
}

/** Draws the same map once more with the SVG renderer, off screen, and saves its markup. */
export function exportSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  asOf: string | null,
): void {
  const element = document.createElement('div');
  element.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.append(element);
  const chart = echarts.init(element, null, { renderer: 'svg', width: size.width, height: size.height });
  try {
    chart.setOption(option);
    downloadText(chart.renderToSVGString(), fileName('svg', asOf), 'image/svg+xml');
  } finally {
    chart.dispose();
    element.remove();
  }
}
