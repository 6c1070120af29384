import type { ValueChainHeatMap } from '@rapport/contracts';
import { saveChartPng, saveChartSvg, saveCsv } from '../../components/charts/chart-files';
import type { ECharts, EChartsCoreOption } from '../../components/charts/echarts';

const fileName = (heatMap: ValueChainHeatMap, extension: string) =>
  `value-chain-${heatMap.period.from}-${heatMap.period.to}.${extension}`;

export function exportPng(chart: ECharts, heatMap: ValueChainHeatMap): void {
  saveChartPng(chart, fileName(heatMap, 'png'));
}

export function exportSvg(
  option: EChartsCoreOption,
  size: { width: number; height: number },
  heatMap: ValueChainHeatMap,
): void {
  saveChartSvg(option, size, fileName(heatMap, 'svg'));
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
  saveCsv(rows, fileName(heatMap, 'csv'));
}
