import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCan } from '../auth/auth.queries';
import { useChecklist } from './relationship.queries';
import { StepChecklist } from './StepChecklist';
import { StepGuidance } from './StepGuidance';

/** An ended relationship keeps only its offboarding (withdraw) checklist open. */
const offboardingStep = 'withdraw';

/** For each step it is in now: the checklist of key activities beside the step's guidance. */
export function CurrentSteps({ relationship }: { relationship: Relationship }) {
  const { t } = useTranslation(['relationships']);
  const canWrite = useCan('relationships.write');
  const checklist = useChecklist(relationship.id);
  const ended = relationship.status === 'ended';
  const steps = (relationship.journey?.steps ?? []).filter((step) =>
    relationship.currentSteps.includes(step.key),
  );
  if (steps.length === 0) return null;

  return (
    <Stack gap="md" component="section" aria-labelledby="current-steps-title">
      <Title order={2} size="h4" id="current-steps-title">
        {ended ? t('current.offboardingTitle') : t('current.title')}
      </Title>
      {checklist.isError && <ErrorAlert error={checklist.error} onRetry={() => void checklist.refetch()} />}
      {steps.map((step) => (
        <Paper key={step.key} withBorder p="md" radius="md">
          <Title order={3} size="h5" mb={4}>
            {step.name}
          </Title>
          {step.purpose && (
            <Text size="sm" c="dimmed" mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {step.purpose}
            </Text>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Title order={4} size="h6" mb="xs">
                {ended && step.key === offboardingStep ? t('current.offboarding') : t('current.checklist')}
              </Title>
              <StepChecklist
                relationshipId={relationship.id}
                step={step}
                ticks={checklist.data ?? []}
                canTick={canWrite && (!ended || step.key === offboardingStep)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <StepGuidance step={step} />
            </Grid.Col>
          </Grid>
        </Paper>
      ))}
    </Stack>
  );
}
