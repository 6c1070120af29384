import { Table, Text } from '@mantine/core';
import { type CultureAssessment, toxicBehaviours } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { ChangeBadge } from './ChangeBadge';
import { toxicDifferences } from './culture.compare';

interface Props {
  first: CultureAssessment;
  second: CultureAssessment;
  headers: readonly [string, string];
}

/** The dominant relationship type and the toxic behaviours of two assessments side by side. */
export function ProfileCompareTable({ first, second, headers }: Props) {
  const { t } = useTranslation(['culture']);
  const toxic = toxicDifferences(first, second);
  const typeChanged = first.dominantType !== second.dominantType;

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t('compare.profileTable')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.aspect')}</Table.Th>
            <Table.Th scope="col">{headers[0]}</Table.Th>
            <Table.Th scope="col">{headers[1]}</Table.Th>
            <Table.Th scope="col">{t('table.difference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr bg={typeChanged ? 'yellow.0' : undefined}>
            <Table.Th scope="row" fw={500}>
              {t('fields.dominantType')}
            </Table.Th>
            <Table.Td>{t(`types.${first.dominantType}.name`)}</Table.Td>
            <Table.Td>{t(`types.${second.dominantType}.name`)}</Table.Td>
            <Table.Td>
              <ChangeBadge
                change={typeChanged ? 1 : 0}
                text={typeChanged ? t('table.different') : t('table.same')}
              />
            </Table.Td>
          </Table.Tr>
          {toxicBehaviours.map((behaviour, index) => {
            const change = toxic[index]?.change ?? 0;
            return (
              <Table.Tr key={behaviour} bg={change !== 0 ? 'yellow.0' : undefined}>
                <Table.Th scope="row" fw={500}>
                  {t(`toxic.${behaviour}.name`)}
                  <Text size="xs" c="dimmed">
                    {t('table.toxicRow')}
                  </Text>
                </Table.Th>
                <Table.Td>{t(`frequency.${first.toxicBehaviours[behaviour]}`)}</Table.Td>
                <Table.Td>{t(`frequency.${second.toxicBehaviours[behaviour]}`)}</Table.Td>
                <Table.Td>
                  <ChangeBadge
                    change={change}
                    text={
                      change === 0
                        ? t('table.same')
                        : change > 0
                          ? t('table.moreOften', { count: change })
                          : t('table.lessOften', { count: -change })
                    }
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
