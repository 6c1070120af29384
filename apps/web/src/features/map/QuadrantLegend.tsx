import { Box, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { quadrants } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { quadrantColors } from './map.chart';

/** What each quadrant means and how to engage it. */
export function QuadrantLegend({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation(['analysis', 'stakeholders', 'enums']);
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 4 }}
      mt="md"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
    >
      {quadrants.map((quadrant) => (
        <Paper withBorder p="sm" radius="md" key={quadrant} component="li">
          <Group gap="xs" wrap="nowrap" mb={4}>
            <Box
              w={12}
              h={12}
              style={{ borderRadius: 6, background: quadrantColors[quadrant], flex: 'none' }}
            />
            <Text fw={600} size="sm">
              {t(`enums:quadrant.${quadrant}`)}
            </Text>
            <Text size="sm" c="dimmed" ml="auto">
              {counts[quadrant] ?? 0}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`stakeholders:quadrantMeaning.${quadrant}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
