import { saveChartPng, saveChartSvg } from '../../components/charts/chart-files';
import type { ECharts, EChartsCoreOption } from '../../components/charts/echarts';

function fileName(extension: string, asOf: string | null): string {
  const date = asOf ?? new Date().toISOString().slice(0, 10);
  return `stakeholder-map-${date}.${extension}`;
}

export function exportPng(chart: ECharts, asOf: string | null): void {
  saveChartPng(chart, fileName('png', asOf));
}

export function exportSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  asOf: string | null,
): void {
  saveChartSvg(option, size, fileName('svg', asOf));
}
