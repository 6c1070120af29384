import { Box, Button, Group, Paper, Table, Title, VisuallyHidden } from '@mantine/core';
import { BarChart, FunnelChart } from 'echarts/charts';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ECharts, type EChartsCoreOption, echarts } from '../../components/charts/echarts';
import { useChart } from '../../components/charts/useChart';
import { type CsvCell, exportCsv, exportPng, exportSvg } from './dashboard.export';

// Registered here, so only the dashboard loads the bar and funnel charts.
echarts.use([BarChart, FunnelChart]);

interface Props {
  /** Names the files and the test ids. */
  name: string;
  title: string;
  option: EChartsCoreOption;
  /** The chart's data: the first row is the header. Shown as the table alternative and exported as CSV. */
  rows: CsvCell[][];
  /** Replaces the chart when there is nothing to draw. */
  empty?: ReactNode;
  children?: ReactNode;
}

/**
 * One dashboard chart with its exports (PNG, SVG, CSV of its data) and a table of the same numbers, visible
 * on demand and always readable by screen readers (the canvas is only a picture to them).
 */
export function ChartPanel({ name, title, option, rows, empty, children }: Props) {
  const { t } = useTranslation('dashboard');
  const [chart, setChart] = useState<ECharts | null>(null);
  const [header, ...body] = rows;
  const [tableShown, setTableShown] = useState(false);
  const isEmpty = Boolean(empty);

  const table = (
    <Table striped mt="xs" fz="sm" aria-label={title}>
      <Table.Thead>
        <Table.Tr>
          {(header ?? []).map((cell) => (
            <Table.Th key={String(cell)}>{cell}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {body.map((row) => (
          <Table.Tr key={row.join('|')}>
            {row.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row are positional
              <Table.Td key={index}>{cell ?? '—'}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  const size = () => ({
    width: chart?.getWidth() || 640,
    height: chart?.getHeight() || 300,
  });

  return (
    <Paper withBorder p="md" radius="md" data-testid={`chart-${name}`} component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {!isEmpty && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => chart && exportPng(chart, name)}>
              {t('export.png')}
              <VisuallyHidden>{title}</VisuallyHidden>
            </Button>
            <Button size="xs" variant="default" onClick={() => exportSvg(option, size(), name)}>
              {t('export.svg')}
              <VisuallyHidden>{title}</VisuallyHidden>
            </Button>
            <Button size="xs" variant="default" onClick={() => exportCsv(rows, name)}>
              {t('export.csv')}
              <VisuallyHidden>{title}</VisuallyHidden>
            </Button>
          </Group>
        )}
      </Group>
      {children}
      {isEmpty ? (
        empty
      ) : (
        <>
          <ChartCanvas option={option} label={t('chartOf', { title })} onChart={setChart} />
          <Button
            size="xs"
            variant="subtle"
            mt="xs"
            aria-expanded={tableShown}
            onClick={() => setTableShown((shown) => !shown)}
          >
            {tableShown ? t('hideTable') : t('showTable')}
          </Button>
          {tableShown ? table : <VisuallyHidden>{table}</VisuallyHidden>}
        </>
      )}
    </Paper>
  );
}

/** The canvas, mounted only while there is something to draw; hands its chart up for the PNG export. */
function ChartCanvas({
  option,
  label,
  onChart,
}: {
  option: EChartsCoreOption;
  label: string;
  onChart: (chart: ECharts | null) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useChart(container);
  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);
  useEffect(() => onChart(chart), [chart, onChart]);
  return <Box ref={container} h={300} role="img" aria-label={label} />;
}
