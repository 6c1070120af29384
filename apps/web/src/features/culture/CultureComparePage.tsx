import { Alert, Anchor, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { CultureAssessment } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDay } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useOrgUnitPaths } from '../org-units/org-unit.queries';
import { readingOrder } from './culture.compare';
import { useCultureAssessment, useCultureOptions } from './culture.queries';
import { LazyCultureRadar } from './LazyCultureRadar';
import { ProfileCompareTable } from './ProfileCompareTable';
import { ScoresTable } from './ScoresTable';

/** Two assessments side by side: one unit over time, or two units (`?a=ID&b=ID`). */
export default function CultureComparePage() {
  const { t, i18n } = useTranslation(['culture']);
  const [search, setSearch] = useSearchParams();
  const aId = search.get('a') ?? undefined;
  const bId = search.get('b') ?? undefined;
  const a = useCultureAssessment(aId);
  const b = useCultureAssessment(bId);
  const options = useCultureOptions();
  const unitPath = useOrgUnitPaths();

  const subjectOf = (assessment: CultureAssessment) =>
    assessment.orgUnitId ? unitPath(assessment.orgUnitId) : t('wholeOrganisation');
  const nameOf = (assessment: CultureAssessment) =>
    t('compare.seriesName', {
      title: assessment.title,
      subject: subjectOf(assessment),
      date: formatDay(assessment.assessedOn, i18n.language),
    });
  const pick = (key: 'a' | 'b') => (value: string | null) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const data = (options.data ?? []).map((assessment) => ({
    value: assessment.id,
    label: nameOf(assessment),
  }));

  const failed = [a, b].find((query) => query.isError);
  const loading = (aId && a.isPending) || (bId && b.isPending);

  return (
    <>
      <ApproachTabs />
      <Anchor component={Link} to="/approach/culture" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader title={t('compare.title')} description={t('compare.description')} />
      <Group mb="lg" align="flex-end" wrap="wrap">
        <Select
          label={t('compare.first')}
          placeholder={t('compare.choose')}
          data={data}
          value={aId ?? null}
          onChange={pick('a')}
          searchable
          w={360}
          nothingFoundMessage={t('compare.noneFound')}
        />
        <Select
          label={t('compare.second')}
          placeholder={t('compare.choose')}
          data={data}
          value={bId ?? null}
          onChange={pick('b')}
          searchable
          w={360}
          nothingFoundMessage={t('compare.noneFound')}
        />
      </Group>
      {failed ? (
        <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />
      ) : loading ? (
        <PageLoader />
      ) : !a.data || !b.data ? (
        <EmptyState title={t('compare.pickTitle')} description={t('compare.pickBody')} />
      ) : a.data.id === b.data.id ? (
        <Alert color="yellow">{t('compare.sameChosen')}</Alert>
      ) : (
        <Comparison pair={readingOrder(a.data, b.data)} nameOf={nameOf} />
      )}
    </>
  );
}

interface ComparisonProps {
  pair: [CultureAssessment, CultureAssessment];
  nameOf: (assessment: CultureAssessment) => string;
}

function Comparison({ pair: [first, second], nameOf }: ComparisonProps) {
  const { t } = useTranslation(['culture']);
  const headers = [nameOf(first), nameOf(second)] as const;
  const overTime = first.orgUnitId === second.orgUnitId;
  return (
    <Stack gap="md">
      <Text size="sm">{overTime ? t('compare.overTime') : t('compare.twoSubjects')}</Text>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('detail.profile')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('detail.profileHint')}
        </Text>
        <LazyCultureRadar
          series={[
            { name: headers[0], scores: first.scores },
            { name: headers[1], scores: second.scores },
          ]}
          label={t('compare.radarLabel', { first: headers[0], second: headers[1] })}
        />
        <ScoresTable assessments={[first, second]} headers={headers} caption={t('compare.scoresTable')} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('compare.profileTitle')}
        </Title>
        <ProfileCompareTable first={first} second={second} headers={headers} />
      </Paper>
      <Group gap="md">
        <Anchor component={Link} to={`/approach/culture/${first.id}`}>
          {t('compare.open', { title: first.title })}
        </Anchor>
        <Anchor component={Link} to={`/approach/culture/${second.id}`}>
          {t('compare.open', { title: second.title })}
        </Anchor>
      </Group>
    </Stack>
  );
}
