import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApproachOverview, Permission } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useMe } from '../auth/auth.queries';
import { ActivityCard } from './ActivityCard';
import { AgreementFacts } from './AgreementFacts';
import { AnalyseFacts } from './AnalyseFacts';
import { ApproachTabs } from './ApproachTabs';
import { processInputs } from './approach.activities';
import { firstStep, nextSteps } from './approach.next';
import { useApproachOverview } from './approach.queries';
import { EmbedFacts } from './EmbedFacts';
import { NextStepAction } from './NextStepAction';
import { ReviewFacts } from './ReviewFacts';

function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The common approach to relationships (guide §3.2.1) as its five activities, in order, with what to do next. */
export default function ApproachOverviewPage() {
  const { t } = useTranslation(['approach']);
  const overview = useApproachOverview();
  const me = useMe();
  const can = (permission: Permission) => me.data?.permissions.includes(permission) ?? false;

  return (
    <>
      <ApproachTabs />
      <PageHeader title={t('overview.title')} description={t('overview.description')} />
      {overview.isPending ? (
        <PageLoader />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Content overview={overview.data} can={can} />
      )}
    </>
  );
}

function Content({
  overview,
  can,
}: {
  overview: ApproachOverview;
  can: (permission: Permission) => boolean;
}) {
  const { t } = useTranslation(['approach']);
  const steps = nextSteps(overview, todayIso());
  const first = firstStep(steps, can);

  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="md"
        p="md"
        bg={first ? 'indigo.0' : 'green.0'}
        component="section"
        aria-labelledby="approach-next"
      >
        <Title order={2} size="h4" id="approach-next" mb="xs">
          {t('overview.nextTitle')}
        </Title>
        {first ? <NextStepAction step={first} prominent /> : <Text size="sm">{t('overview.allDone')}</Text>}
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="approach-inputs">
        <Title order={2} size="h4" id="approach-inputs" mb={4}>
          {t('overview.inputsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('overview.inputsHint')}
        </Text>
        <List size="sm" spacing={4}>
          {processInputs.map((input) => (
            <List.Item key={input.key}>
              {input.to ? (
                <Anchor component={Link} to={input.to} size="sm">
                  {t(`inputs.${input.key}`)}
                </Anchor>
              ) : (
                <Text span size="sm">
                  {t(`inputs.${input.key}`)}{' '}
                  <Text span size="xs" c="dimmed">
                    {t('overview.fromRelationshipReviews')}
                  </Text>
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Paper>
      <ActivityCard number={1} activity="analyse" step={steps.analyse}>
        <AnalyseFacts analyse={overview.analyse} />
      </ActivityCard>
      <ActivityCard number={2} activity="principles" step={steps.principles}>
        <AgreementFacts kind="principles" state={overview.principles} />
      </ActivityCard>
      <ActivityCard number={3} activity="models" step={steps.models}>
        <AgreementFacts kind="models" state={overview.models} />
      </ActivityCard>
      <ActivityCard number={4} activity="embed" step={steps.embed}>
        <EmbedFacts embed={overview.embed} />
      </ActivityCard>
      <ActivityCard number={5} activity="review" step={steps.review}>
        <ReviewFacts review={overview.review} />
      </ActivityCard>
    </Stack>
  );
}
