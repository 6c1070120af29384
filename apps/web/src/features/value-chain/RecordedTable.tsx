import { Table } from '@mantine/core';
import type { ValueChainHeatMap } from '@rapport/contracts';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  heatMap: ValueChainHeatMap;
  activity: (key: string) => string;
  type: (key: string) => string;
}

/** The chart's numbers as a table: per activity, each record type and the total. */
export function RecordedTable({ heatMap, activity, type }: Props) {
  const { t } = useTranslation('valueChain');
  return (
    <Table
      aria-label={t('recorded.title')}
      striped={false}
      withRowBorders
      verticalSpacing={4}
      data-testid="value-chain-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('recorded.activity')}</Table.Th>
          <Table.Th scope="col">{t('recorded.type')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('recorded.count')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {heatMap.data.map((row) => (
          <Fragment key={row.activity}>
            {row.recorded.counts.map((count, index) => (
              <Table.Tr key={count.type}>
                {index === 0 && (
                  <Table.Th scope="rowgroup" rowSpan={row.recorded.counts.length + 1} fw={600}>
                    {activity(row.activity)}
                  </Table.Th>
                )}
                <Table.Td>{type(count.type)}</Table.Td>
                <Table.Td ta="right">{count.count}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={600}>{t('recorded.total')}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {row.recorded.total}
              </Table.Td>
            </Table.Tr>
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
