import { saveChartPng, saveChartSvg, saveCsv } from '../../components/charts/chart-files';
import type { CsvCell } from '../../components/charts/csv';
import type { ECharts, EChartsCoreOption } from '../../components/charts/echarts';

export type { CsvCell };

const fileName = (name: string, extension: string) =>
  `dashboard-${name}-${new Date().toISOString().slice(0, 10)}.${extension}`;

export function exportPng(chart: ECharts, name: string): void {
  saveChartPng(chart, fileName(name, 'png'));
}

export function exportSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  name: string,
): void {
  saveChartSvg(option, size, fileName(name, 'svg'));
}

export function exportCsv(rows: CsvCell[][], name: string): void {
  saveCsv(rows, fileName(name, 'csv'));
}
