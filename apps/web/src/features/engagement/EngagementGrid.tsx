import { Table, Text } from '@mantine/core';
import { type EngagementLevel, engagementLevels } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import type { EngagementSummary } from '../salience/salience.queries';

/** Current level (rows) against desired level (columns); cells above the diagonal need to move up. */
export function EngagementGrid({ summary }: { summary: EngagementSummary }) {
  const { t } = useTranslation(['analysis', 'enums']);
  const count = (current: EngagementLevel, desired: EngagementLevel) =>
    summary.cells.find((cell) => cell.current === current && cell.desired === desired)?.count ?? 0;
  const max = Math.max(1, ...summary.cells.map((cell) => cell.count));

  const background = (row: number, column: number, value: number) => {
    if (value === 0) return undefined;
    const strength = 0.15 + 0.6 * (value / max);
    if (column > row) return `rgba(240, 140, 0, ${strength})`;
    if (column < row) return `rgba(28, 126, 214, ${strength * 0.6})`;
    return `rgba(55, 178, 77, ${strength * 0.6})`;
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders aria-label={t('engagement.gridLabel')} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>
              <Text size="xs" c="dimmed">
                {t('engagement.corner')}
              </Text>
            </Table.Th>
            {engagementLevels.map((level) => (
              <Table.Th key={level} ta="center" scope="col">
                {t(`enums:engagement.${level}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {engagementLevels.map((current, row) => (
            <Table.Tr key={current}>
              <Table.Th scope="row">{t(`enums:engagement.${current}`)}</Table.Th>
              {engagementLevels.map((desired, column) => {
                const value = count(current, desired);
                return (
                  <Table.Td
                    key={desired}
                    ta="center"
                    fw={value ? 700 : 400}
                    c={value ? undefined : 'dimmed'}
                    style={{ background: background(row, column, value), height: 48 }}
                    data-gap={column - row}
                    aria-label={t('engagement.cellLabel', {
                      count: value,
                      current: t(`enums:engagement.${current}`),
                      desired: t(`enums:engagement.${desired}`),
                    })}
                  >
                    {value}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
