import { List, Stack, Table, Text, Title } from '@mantine/core';
import type { JourneyStep } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

function Sentences({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={4} size="h6">
        {title}
      </Title>
      <List size="sm" spacing={2}>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sentences may repeat; their place tells them apart.
          <List.Item key={index}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** What to watch and who does what while the relationship is in this step. */
export function StepGuidance({ step }: { step: JourneyStep }) {
  const { t } = useTranslation(['relationships', 'models']);
  const empty =
    step.risks.length + step.opportunities.length + step.behaviours.length + step.responsibilities.length ===
    0;
  if (empty)
    return (
      <Text size="sm" c="dimmed">
        {t('current.noGuidance')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <Sentences title={t('models:fields.risks')} items={step.risks} />
      <Sentences title={t('models:fields.opportunities')} items={step.opportunities} />
      <Sentences title={t('models:fields.behaviours')} items={step.behaviours} />
      {step.responsibilities.length > 0 && (
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('models:fields.responsibilities')}
          </Title>
          <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('models:detail.role')}</Table.Th>
                <Table.Th>{t('models:detail.raci')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {step.responsibilities.map((responsibility, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a role may be named twice; the row is its place.
                <Table.Tr key={index}>
                  <Table.Td>{responsibility.role}</Table.Td>
                  <Table.Td>
                    <abbr title={t(`models:raci.${responsibility.raci}`)}>{responsibility.raci}</abbr>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
