import { Badge, Box, Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

/** The relationship's journey in order, the step or steps it is in now marked. */
export function JourneySteps({ relationship }: { relationship: Relationship }) {
  const { t } = useTranslation(['relationships']);
  const steps = relationship.journey?.steps ?? [];
  return (
    <ScrollArea type="auto" offsetScrollbars scrollbarSize={10}>
      <Group
        component="ol"
        aria-label={t('journey.label', { count: steps.length })}
        gap={0}
        wrap="nowrap"
        align="stretch"
        m={0}
        p={0}
        pb="sm"
        style={{ listStyle: 'none' }}
      >
        {steps.map((step, index) => {
          const current = relationship.currentSteps.includes(step.key);
          return (
            <Box component="li" key={step.key} display="flex" aria-current={current ? 'step' : undefined}>
              <Card
                withBorder
                radius="md"
                padding="sm"
                w={200}
                bg={current ? 'teal.0' : undefined}
                style={current ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : undefined}
              >
                <Stack gap={4}>
                  <Title order={3} size="h6">
                    {index + 1}. {step.name}
                  </Title>
                  {current && (
                    <Badge color="teal" w="fit-content">
                      {t('journey.current')}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('journey.activities', { count: step.activities.length })}
                  </Text>
                </Stack>
              </Card>
              {index < steps.length - 1 && (
                <Text c="dimmed" fz={20} px={4} style={{ alignSelf: 'center' }} aria-hidden="true">
                  →
                </Text>
              )}
            </Box>
          );
        })}
      </Group>
    </ScrollArea>
  );
}
