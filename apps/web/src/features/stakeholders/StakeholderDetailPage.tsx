import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { useCan } from '../auth/auth.queries';
import { InteractionTimeline } from '../interactions/InteractionTimeline';
import { LinksSection } from '../links/LinksSection';
import { useOrgUnitPaths } from '../org-units/org-unit.queries';
import { ArchiveButton } from './ArchiveButton';
import { AssessmentHistory } from './AssessmentHistory';
import { AuditHistory } from './AuditHistory';
import { Detail } from './Detail';
import { QuadrantBadge, SalienceBadge } from './StakeholderBadges';
import { useStakeholder } from './stakeholder.queries';

// The network view brings the chart library: it loads when its tab is opened, not with the page.
const StakeholderNetwork = lazy(() =>
  import('../links/StakeholderNetwork').then((module) => ({ default: module.StakeholderNetwork })),
);

export default function StakeholderDetailPage() {
  const { t, i18n } = useTranslation([
    'stakeholders',
    'common',
    'enums',
    'links',
    'approach',
    'interactions',
  ]);
  const { id = '' } = useParams();
  const query = useStakeholder(id);
  const parent = useStakeholder(query.data?.parentId ?? undefined);
  const canWrite = useCan('stakeholders.write');
  const canArchive = useCan('stakeholders.archive');
  const canOpenRelationship = useCan('relationships.write');
  const canAudit = useCan('audit.read');
  const users = useUserOptions(useCan('users.read'));
  const unitPath = useOrgUnitPaths();

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const owner = s.ownerId ? users.data?.find((user) => user.id === s.ownerId) : undefined;
  const engagement = (value: typeof s.engagementCurrent) =>
    value ? t(`enums:engagement.${value}`) : t('notAssessed');
  const list = (values: string[]) => (values.length ? values.join(', ') : '—');

  return (
    <>
      <Anchor component={Link} to="/stakeholders" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {s.name}
            {s.archivedAt && (
              <Badge color="gray" variant="filled">
                {t('archived')}
              </Badge>
            )}
          </Group>
        }
        description={`${t(`enums:kind.${s.kind}`)} · ${t(`enums:category.${s.category}`)} · ${t(`enums:scope.${s.scope}`)}`}
        actions={
          <>
            {canOpenRelationship && !s.archivedAt && (
              <Button component={Link} to={`/relationships/new?stakeholderId=${s.id}`} variant="light">
                {t('detail.openRelationship')}
              </Button>
            )}
            {canWrite && !s.archivedAt && (
              <Button component={Link} to={`/stakeholders/${s.id}/edit`}>
                {t('detail.edit')}
              </Button>
            )}
            {canArchive && <ArchiveButton stakeholder={s} />}
          </>
        }
      />
      {s.archivedAt && (
        <Alert color="gray" mb="md">
          {t('detail.archivedOn', { date: formatDate(s.archivedAt, i18n.language, true) })}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('detail.position')}
            </Title>
            <Stack gap="sm">
              <Group grow>
                <Detail label={t('fields.influence')}>{s.influence} / 5</Detail>
                <Detail label={t('fields.interest')}>{s.interest} / 5</Detail>
              </Group>
              <Detail label={t('fields.quadrant')}>
                <Group gap="xs">
                  <QuadrantBadge quadrant={s.quadrant} />
                  <Text size="sm" c="dimmed">
                    {t(`quadrantMeaning.${s.quadrant}`)}
                  </Text>
                </Group>
              </Detail>
              <Detail label={t('detail.salienceAttributes')}>
                {[
                  s.power && t('fields.power'),
                  s.legitimacy && t('fields.legitimacy'),
                  s.urgency && t('fields.urgency'),
                ]
                  .filter(Boolean)
                  .join(', ') || t('detail.noAttributes')}
              </Detail>
              <Detail label={t('fields.salience')}>
                <Group gap="xs">
                  <SalienceBadge salience={s.salience} />
                  <Text size="sm" c="dimmed">
                    {t(`salienceMeaning.${s.salience}`)}
                  </Text>
                </Group>
              </Detail>
              <Group grow>
                <Detail label={t('fields.engagementCurrent')}>{engagement(s.engagementCurrent)}</Detail>
                <Detail label={t('fields.engagementDesired')}>{engagement(s.engagementDesired)}</Detail>
              </Group>
              <Detail label={t('detail.target')}>
                {s.targetInfluence || s.targetInterest
                  ? t('detail.targetValue', {
                      influence: s.targetInfluence ?? '—',
                      interest: s.targetInterest ?? '—',
                    })
                  : t('detail.noTarget')}
              </Detail>
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md" radius="md" h="100%">
            <Title order={2} size="h4" mb="sm">
              {t('detail.profile')}
            </Title>
            <Stack gap="sm">
              <Detail label={t('fields.owner')}>{owner?.name ?? (s.ownerId ? '—' : t('noOwner'))}</Detail>
              <Detail label={t('fields.parent')}>
                {s.parentId ? (
                  <Anchor component={Link} to={`/stakeholders/${s.parentId}`}>
                    {parent.data?.name ?? '…'}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Detail>
              {s.scope === 'internal' && (
                <Detail label={t('approach:orgUnits.picker.label')}>
                  {s.orgUnitId ? (
                    <Anchor component={Link} to="/approach/org-units">
                      {unitPath(s.orgUnitId)}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Detail>
              )}
              <Detail label={t('fields.emails')}>{list(s.emails)}</Detail>
              <Detail label={t('fields.phones')}>{list(s.phones)}</Detail>
              <Detail label={t('fields.tags')}>
                <Group gap={4}>
                  {s.tags.length
                    ? s.tags.map((tag) => (
                        <Badge key={tag} variant="default" tt="none">
                          {tag}
                        </Badge>
                      ))
                    : '—'}
                </Group>
              </Detail>
              <Detail label={t('fields.notes')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {s.notes || '—'}
                </Text>
              </Detail>
              <Text size="xs" c="dimmed">
                {t('detail.timestamps', {
                  created: formatDate(s.createdAt, i18n.language, true),
                  updated: formatDate(s.updatedAt, i18n.language, true),
                })}
              </Text>
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Tabs defaultValue="assessments" mt="xl" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="assessments">{t('assessments.title')}</Tabs.Tab>
          <Tabs.Tab value="interactions">{t('interactions:timeline.title')}</Tabs.Tab>
          <Tabs.Tab value="links">{t('links:links.title')}</Tabs.Tab>
          <Tabs.Tab value="network">{t('links:network.title')}</Tabs.Tab>
          {canAudit && <Tabs.Tab value="audit">{t('audit.title')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="assessments" pt="md">
          <AssessmentHistory stakeholderId={s.id} />
        </Tabs.Panel>
        <Tabs.Panel value="interactions" pt="md">
          <InteractionTimeline scope={{ stakeholderId: s.id }} open={!s.archivedAt} />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="md">
          <LinksSection stakeholderId={s.id} stakeholderName={s.name} />
        </Tabs.Panel>
        <Tabs.Panel value="network" pt="md">
          <Suspense fallback={<PageLoader />}>
            <StakeholderNetwork stakeholderId={s.id} name={s.name} />
          </Suspense>
        </Tabs.Panel>
        {canAudit && (
          <Tabs.Panel value="audit" pt="md">
            <AuditHistory stakeholderId={s.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
