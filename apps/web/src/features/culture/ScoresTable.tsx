import { Table, Text } from '@mantine/core';
import { type CultureAssessment, communalityDimensions } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { ChangeBadge } from './ChangeBadge';
import { scoreDifferences } from './culture.compare';

interface Props {
  /** One assessment, or two to compare (the second is compared with the first). */
  assessments: readonly CultureAssessment[];
  headers: readonly string[];
  caption: string;
}

/** The five scores as a table: the radar's text alternative, and with two assessments, their differences. */
export function ScoresTable({ assessments, headers, caption }: Props) {
  const { t } = useTranslation(['culture']);
  const [first, second] = assessments;
  const differences = first && second ? scoreDifferences(first, second) : null;

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={caption} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.dimension')}</Table.Th>
            {headers.map((header) => (
              <Table.Th key={header} scope="col">
                {header}
              </Table.Th>
            ))}
            {differences && <Table.Th scope="col">{t('table.difference')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communalityDimensions.map((dimension, index) => {
            const low = t(`dimensions.${dimension}.low`);
            const high = t(`dimensions.${dimension}.high`);
            const change = differences?.[index]?.change ?? 0;
            return (
              <Table.Tr key={dimension} bg={change !== 0 ? 'yellow.0' : undefined}>
                <Table.Th scope="row" fw={500}>
                  {t(`dimensions.${dimension}.name`)}
                  <Text size="xs" c="dimmed">
                    {t('table.poles', { low, high })}
                  </Text>
                </Table.Th>
                {assessments.map((assessment) => {
                  const score = assessment.scores[dimension];
                  return (
                    <Table.Td key={assessment.id}>
                      <Text span fw={700}>
                        {score}
                      </Text>{' '}
                      <Text span size="sm" c="dimmed">
                        {t(`scale.${score}` as 'scale.1', { low, high })}
                      </Text>
                    </Table.Td>
                  );
                })}
                {differences && (
                  <Table.Td>
                    <ChangeBadge
                      change={change}
                      text={
                        change === 0
                          ? t('table.same')
                          : t('table.toward', {
                              change: change > 0 ? `+${change}` : `−${-change}`,
                              pole: change > 0 ? high : low,
                            })
                      }
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
