import { Table, Text } from '@mantine/core';
import type { Health } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { measuredText } from './health.band';

/** Each weighted component of the computed score, with what was measured for it. */
export function HealthReasons({ reasons }: { reasons: Health['reasons'] }) {
  const { t } = useTranslation(['relationships']);

  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-label={t('health.reasons.title')} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('health.reasons.component')}</Table.Th>
            <Table.Th ta="right">{t('health.reasons.weight')}</Table.Th>
            <Table.Th ta="right">{t('health.reasons.score')}</Table.Th>
            <Table.Th>{t('health.reasons.measured')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reasons.map((reason) => {
            const measured = measuredText(reason);
            return (
              <Table.Tr key={reason.component}>
                <Table.Td>{t(`health.component.${reason.component}`)}</Table.Td>
                <Table.Td ta="right">{reason.weight} %</Table.Td>
                <Table.Td ta="right">
                  {reason.score ?? (
                    <Text span size="sm" c="dimmed">
                      {t('health.notMeasured')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{measured ? t(measured.key, measured.values) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
