import { Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { quadrants, type RelationshipModel } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { weightNames } from './model.form';

/** How often to be in touch and to review, and what a relationship's health score is made of. */
export function CadenceView({ model }: { model: RelationshipModel }) {
  const { t } = useTranslation(['models', 'enums']);
  const stepOverrides = model.steps.filter((step) => step.contactEveryDays !== null);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('detail.cadence')}
        </Title>
        <Table aria-label={t('detail.cadence')} verticalSpacing={4}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('detail.contact')}</Table.Th>
              <Table.Td>{t('detail.everyDays', { count: model.contactEveryDays })}</Table.Td>
            </Table.Tr>
            {quadrants.map((quadrant) => {
              const days = model.contactEveryDaysByQuadrant[quadrant];
              return (
                <Table.Tr key={quadrant}>
                  <Table.Th scope="row" fw={400} pl="lg">
                    {t(`enums:quadrant.${quadrant}`)}
                  </Table.Th>
                  <Table.Td c={days === undefined ? 'dimmed' : undefined}>
                    {days === undefined ? t('detail.modelCadence') : t('detail.everyDays', { count: days })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {stepOverrides.map((step) => (
              <Table.Tr key={step.key}>
                <Table.Th scope="row" fw={400} pl="lg">
                  {t('detail.inStep', { name: step.name })}
                </Table.Th>
                <Table.Td>{t('detail.everyDays', { count: step.contactEveryDays ?? 0 })}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('detail.review')}</Table.Th>
              <Table.Td>{t('detail.everyDays', { count: model.reviewEveryDays })}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('fields.healthWeights')}
        </Title>
        {weightNames.map((name) => {
          const weight = model.healthWeights[name];
          const label = t(`weights.${name}`);
          return (
            <Stack gap={2} key={name}>
              <Group justify="space-between">
                <Text size="sm">{label}</Text>
                <Text size="sm" fw={600}>
                  {weight} %
                </Text>
              </Group>
              <Progress value={weight} aria-label={`${label}: ${weight} %`} />
            </Stack>
          );
        })}
      </Stack>
    </SimpleGrid>
  );
}
