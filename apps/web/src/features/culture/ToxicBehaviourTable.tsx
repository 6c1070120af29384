import { Table, Text } from '@mantine/core';
import { type CultureAssessment, toxicBehaviours } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { frequentToxicBehaviours } from './culture.compare';

/** How often each toxic behaviour is seen, with its antidote; the frequent ones are marked to act on. */
export function ToxicBehaviourTable({ assessment }: { assessment: CultureAssessment }) {
  const { t } = useTranslation(['culture']);
  const frequent = frequentToxicBehaviours(assessment);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t('detail.toxicTable')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.behaviour')}</Table.Th>
            <Table.Th scope="col">{t('table.frequency')}</Table.Th>
            <Table.Th scope="col">{t('table.antidote')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {toxicBehaviours.map((behaviour) => {
            const actOn = frequent.includes(behaviour);
            return (
              <Table.Tr key={behaviour} bg={actOn ? 'red.0' : undefined}>
                <Table.Th scope="row" fw={500}>
                  {t(`toxic.${behaviour}.name`)}
                  <Text size="xs" c="dimmed">
                    {t(`toxic.${behaviour}.indicator`)}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text
                    span
                    size="sm"
                    fw={600}
                    c={actOn ? 'white' : 'dark'}
                    bg={actOn ? 'red.7' : 'gray.1'}
                    px={8}
                    py={2}
                    style={{ borderRadius: 'var(--mantine-radius-xl)', whiteSpace: 'nowrap' }}
                  >
                    {t(`frequency.${assessment.toxicBehaviours[behaviour]}`)}
                  </Text>
                  {actOn && (
                    <Text size="xs" c="red.8" mt={2}>
                      {t('detail.actOn')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`toxic.${behaviour}.antidote`)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
