import {
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { Interaction, ReviewEvidence } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDay } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { EvidenceTrend } from './EvidenceCharts';
import { useEvidence } from './relationship-review.queries';

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** What the review looks at for its period: contact and sentiment, health, journey progress, exceptions, surveys. */
export function EvidencePackView({ evidence }: { evidence: ReviewEvidence }) {
  const { t, i18n } = useTranslation(['improvement', 'interactions']);
  const day = (date: string) => formatDay(date, i18n.language);
  const { interactions, checklist, exceptions, surveys } = evidence;
  const redactedOut = interactions.latest.some((interaction) => interaction.redacted);

  return (
    <Stack gap="md" data-testid="evidence-pack">
      <Text size="sm" c="dimmed">
        {t('evidence.period', { from: day(evidence.periodFrom), to: day(evidence.periodTo) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t('evidence.interactions')} value={String(interactions.total)} testId="evidence-total" />
        <Stat
          label={t('evidence.averageSentiment')}
          value={interactions.averageSentiment === null ? '—' : signed(interactions.averageSentiment)}
          testId="evidence-sentiment"
        />
        <Stat label={t('evidence.checklist')} value={`${checklist.done}/${checklist.total}`} />
        <Stat
          label={t('evidence.exceptions')}
          value={exceptions.available ? String(exceptions.total) : '—'}
        />
      </SimpleGrid>
      <Block title={t('evidence.trend')}>
        {interactions.sentimentByDay.length === 0 && evidence.health.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.noTrend')}
          </Text>
        ) : (
          <EvidenceTrend
            evidence={evidence}
            label={t('evidence.trendLabel')}
            sentimentName={t('evidence.averageSentiment')}
            healthName={t('evidence.health')}
          />
        )}
        {redactedOut && (
          <Text size="xs" c="dimmed">
            {t('evidence.redactedNote')}
          </Text>
        )}
      </Block>
      <Block title={t('evidence.byKind')}>
        {interactions.total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.noInteractions')}
          </Text>
        ) : (
          <Group gap="xs">
            {Object.entries(interactions.byKind).map(([kind, count]) => (
              <Badge key={kind} variant="light">
                {t(`interactions:kind.${kind as Interaction['kind']}`)}: {count}
              </Badge>
            ))}
          </Group>
        )}
        {interactions.latest.length > 0 && (
          <List size="sm" spacing={4} aria-label={t('evidence.latest')}>
            {interactions.latest.map((interaction) => (
              <List.Item key={interaction.id}>
                <Text span size="sm" fw={500}>
                  {formatDate(interaction.occurredAt, i18n.language)} ·{' '}
                  {t(`interactions:kind.${interaction.kind}`)}
                </Text>{' '}
                {interaction.redacted ? (
                  <Badge size="xs" color="gray" variant="light">
                    {t('evidence.confidential')}
                  </Badge>
                ) : (
                  <Text span size="sm" c="dimmed">
                    {interaction.sentiment !== null && `(${signed(interaction.sentiment)}) `}
                    {interaction.summary.slice(0, 140)}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Block>
      <Block title={t('evidence.checklistTitle')}>
        <Text size="sm">
          {t('evidence.checklistSummary', {
            done: checklist.done,
            total: checklist.total,
            inPeriod: checklist.doneInPeriod,
          })}
        </Text>
        {checklist.steps.map((step) => (
          <Stack key={step.key} gap={2}>
            <Group justify="space-between">
              <Text size="sm" fw={step.current ? 600 : 400}>
                {step.name}
                {step.current && ` · ${t('evidence.currentStep')}`}
              </Text>
              <Text size="xs" c="dimmed">
                {step.done}/{step.total}
              </Text>
            </Group>
            <Progress
              value={step.total === 0 ? 0 : (step.done / step.total) * 100}
              aria-label={t('evidence.stepProgress', { name: step.name })}
            />
          </Stack>
        ))}
      </Block>
      <Block title={t('evidence.exceptions')}>
        {!exceptions.available ? (
          <Text size="sm" c="dimmed">
            {t('evidence.exceptionsUnavailable')}
          </Text>
        ) : exceptions.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.noExceptions')}
          </Text>
        ) : (
          <Table aria-label={t('evidence.exceptions')}>
            <Table.Tbody>
              {exceptions.items.map((exception) => (
                <Table.Tr key={exception.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/exceptions/${exception.id}`} size="sm">
                      {exception.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {t(`exceptions:type.${exception.type}`, { defaultValue: exception.type })}
                  </Table.Td>
                  <Table.Td>
                    {t(`exceptions:severity.${exception.severity}`, { defaultValue: exception.severity })}
                  </Table.Td>
                  <Table.Td>
                    {t(`exceptions:status.${exception.status}`, { defaultValue: exception.status })}
                  </Table.Td>
                  <Table.Td>{day(exception.raisedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
      <Block title={t('evidence.surveys')}>
        {!surveys.available ? (
          <Text size="sm" c="dimmed">
            {t('evidence.surveysUnavailable')}
          </Text>
        ) : surveys.responses === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.noSurveys')}
          </Text>
        ) : (
          <>
            <Text size="sm">
              {t('evidence.surveySummary', {
                count: surveys.responses,
                csat: surveys.averageCsat ?? '—',
                nps: surveys.nps ?? '—',
              })}
            </Text>
            <List size="sm">
              {surveys.items.map((survey) => (
                <List.Item key={survey.id}>
                  {survey.title}:{' '}
                  {t('evidence.surveySummary', {
                    count: survey.responses,
                    csat: survey.averageCsat ?? '—',
                    nps: survey.nps ?? '—',
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Block>
      <Block title={t('evidence.earlier')}>
        {evidence.reviews.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.noEarlier')}
          </Text>
        ) : (
          <List size="sm">
            {evidence.reviews.map((review) => (
              <List.Item key={review.id}>
                <Anchor component={Link} to={`/reviews/${review.id}`} size="sm">
                  {review.title}
                </Anchor>
                {review.heldOn && ` · ${day(review.heldOn)}`}
                {review.satisfaction !== null &&
                  ` · ${t('evidence.satisfactionOf', { value: review.satisfaction })}`}
              </List.Item>
            ))}
          </List>
        )}
      </Block>
    </Stack>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

export function EvidencePack({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation(['improvement']);
  const evidence = useEvidence(reviewId, true);
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('evidence.title')}
      </Title>
      {evidence.isPending ? (
        <PageLoader />
      ) : evidence.isError ? (
        <ErrorAlert error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : (
        <EvidencePackView evidence={evidence.data} />
      )}
    </Stack>
  );
}
