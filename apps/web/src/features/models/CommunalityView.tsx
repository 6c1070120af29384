import { Box, Grid, Table, Text } from '@mantine/core';
import { type Communality, communalityDimensions } from '@rapport/contracts';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

// The chart library is large; the rest of the model's page is shown while it loads.
const CultureRadar = lazy(() =>
  import('../culture/CultureRadar').then((module) => ({ default: module.CultureRadar })),
);

/** Where relationships on the model should sit on the five dimensions: a radar and the same as a table. */
export function CommunalityView({ name, communality }: { name: string; communality: Communality }) {
  const { t } = useTranslation(['models', 'culture']);
  const series = useMemo(() => [{ name, scores: communality }], [name, communality]);

  return (
    <Grid gap="lg" align="center">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Suspense fallback={<Box h={360} />}>
          <CultureRadar series={series} label={t('detail.radarLabel', { name })} />
        </Suspense>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Table aria-label={t('detail.communalityTable')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('culture:table.dimension')}</Table.Th>
              <Table.Th scope="col">{t('culture:table.score')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {communalityDimensions.map((dimension) => {
              const low = t(`culture:dimensions.${dimension}.low`);
              const high = t(`culture:dimensions.${dimension}.high`);
              const score = communality[dimension];
              return (
                <Table.Tr key={dimension}>
                  <Table.Th scope="row" fw={500}>
                    {t(`culture:dimensions.${dimension}.name`)}
                    <Text size="xs" c="dimmed">
                      {t('culture:table.poles', { low, high })}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Text span fw={700}>
                      {score}
                    </Text>{' '}
                    <Text span size="sm" c="dimmed">
                      {t(`culture:scale.${score}` as 'culture:scale.1', { low, high })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Grid.Col>
    </Grid>
  );
}
