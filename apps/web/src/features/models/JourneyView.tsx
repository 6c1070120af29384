import { Box, Group, ScrollArea, Text } from '@mantine/core';
import type { RelationshipModel } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { StepCard } from './StepCard';

/** The journey as a left-to-right sequence of step cards, scrolled sideways when it is wider than the page. */
export function JourneyView({ steps }: { steps: RelationshipModel['steps'] }) {
  const { t } = useTranslation(['models']);
  return (
    <ScrollArea type="auto" offsetScrollbars scrollbarSize={10}>
      <Group
        component="ol"
        aria-label={t('detail.journeyLabel', { count: steps.length })}
        gap={0}
        wrap="nowrap"
        align="stretch"
        m={0}
        p={0}
        pb="sm"
        style={{ listStyle: 'none' }}
      >
        {steps.map((step, index) => (
          <Box component="li" key={step.key} display="flex">
            <StepCard step={step} number={index + 1} />
            {index < steps.length - 1 && (
              <Text c="dimmed" fz={24} px={6} style={{ alignSelf: 'center' }} aria-hidden="true">
                →
              </Text>
            )}
          </Box>
        ))}
      </Group>
    </ScrollArea>
  );
}
