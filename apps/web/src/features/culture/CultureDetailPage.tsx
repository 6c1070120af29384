import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CultureAssessment } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDay } from '../../app/format';
import { problemText } from '../../app/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Markdown } from '../../components/Markdown';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan } from '../auth/auth.queries';
import { useOrgUnitPaths } from '../org-units/org-unit.queries';
import { useArchiveCultureAssessment } from './culture.mutations';
import { useCultureAssessment, useCultureAssessments } from './culture.queries';
import { LazyCultureRadar } from './LazyCultureRadar';
import { ScoresTable } from './ScoresTable';
import { ToxicBehaviourTable } from './ToxicBehaviourTable';

export default function CultureDetailPage() {
  const { t, i18n } = useTranslation(['culture', 'common']);
  const { id = '' } = useParams();
  const query = useCultureAssessment(id);
  const canWrite = useCan('approach.write');
  const archive = useArchiveCultureAssessment();
  const unitPath = useOrgUnitPaths();
  const sameSubject = useCultureAssessments(
    { q: '', orgUnitId: query.data?.orgUnitId ?? 'none', archived: 'false' },
    Boolean(query.data),
  );

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const archived = Boolean(a.archivedAt);
  const subject = a.orgUnitId ? unitPath(a.orgUnitId) : t('wholeOrganisation');
  const previous = previousOf(a, sameSubject.data?.pages.flatMap((page) => page.data) ?? []);

  const toggleArchive = () =>
    archive.mutate(
      { assessment: a, restore: archived },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: archived ? t('detail.restored') : t('detail.archived'),
          }),
        onError: (error) => notifications.show({ color: 'red', message: problemText(error) }),
      },
    );

  return (
    <>
      <ApproachTabs />
      <Anchor component={Link} to="/approach/culture" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {a.title}
            {archived && (
              <Badge color="gray" variant="filled">
                {t('archivedBadge')}
              </Badge>
            )}
          </Group>
        }
        description={t('detail.subtitle', { subject, date: formatDay(a.assessedOn, i18n.language) })}
        actions={
          <>
            {previous && (
              <Button
                variant="light"
                component={Link}
                to={`/approach/culture/compare?a=${encodeURIComponent(previous.id)}&b=${encodeURIComponent(a.id)}`}
              >
                {t('detail.compareWithPrevious', { date: formatDay(previous.assessedOn, i18n.language) })}
              </Button>
            )}
            {canWrite && !archived && (
              <Button component={Link} to={`/approach/culture/${a.id}/edit`}>
                {t('common:actions.edit')}
              </Button>
            )}
            {canWrite && (
              <Button
                variant="default"
                color={archived ? undefined : 'red'}
                onClick={toggleArchive}
                loading={archive.isPending}
              >
                {archived ? t('detail.restore') : t('detail.archive')}
              </Button>
            )}
          </>
        }
      />
      {archived && (
        <Alert color="gray" mb="md">
          {t('detail.archivedNotice')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              {t('detail.profile')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('detail.profileHint')}
            </Text>
            <LazyCultureRadar
              series={[{ name: a.title, scores: a.scores }]}
              label={t('detail.radarLabel', { title: a.title })}
            />
            <ScoresTable assessments={[a]} headers={[t('table.score')]} caption={t('detail.scoresTable')} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md" h="100%">
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h4" mb="xs">
                {t('fields.dominantType')}
              </Title>
              <Text fw={600}>{t(`types.${a.dominantType}.name`)}</Text>
              <Text size="sm" c="dimmed">
                {t(`types.${a.dominantType}.description`)}
              </Text>
            </Paper>
            <Paper withBorder p="md" radius="md" style={{ flex: 1 }}>
              <Title order={2} size="h4" mb="xs">
                {t('fields.strategicRequirements')}
              </Title>
              {a.strategicRequirements.trim() ? (
                <Markdown topHeading={3}>{a.strategicRequirements}</Markdown>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('detail.noStrategicRequirements')}
                </Text>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" radius="md" mt="md">
        <Title order={2} size="h4" mb="xs">
          {t('fields.toxicBehaviours')}
        </Title>
        <ToxicBehaviourTable assessment={a} />
      </Paper>
      <Paper withBorder p="md" radius="md" mt="md">
        <Title order={2} size="h4">
          {t('form.findings')}
        </Title>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Finding title={t('fields.strengths')} text={a.strengths} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Finding title={t('fields.risks')} text={a.risks} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Finding title={t('fields.notes')} text={a.notes} />
          </Grid.Col>
        </Grid>
      </Paper>
    </>
  );
}

/** The assessment of the same unit just before this one (the list is newest first). */
function previousOf(assessment: CultureAssessment, sameSubject: readonly CultureAssessment[]) {
  const index = sameSubject.findIndex((other) => other.id === assessment.id);
  return index >= 0
    ? sameSubject[index + 1]
    : sameSubject.find((other) => other.assessedOn < assessment.assessedOn);
}

function Finding({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation(['culture']);
  return (
    <>
      <Title order={3} size="h5" mt="md" mb={4}>
        {title}
      </Title>
      <Text size="sm" c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {text || t('detail.none')}
      </Text>
    </>
  );
}
