import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { ModelLessons } from '../lessons/ModelLessons';
import { AttachedMaterials } from '../materials/AttachedMaterials';
import { AgreementStatusBadge } from '../principles/AgreementStatusBadge';
import { CadenceView } from './CadenceView';
import { CommunalityView } from './CommunalityView';
import { JourneyView } from './JourneyView';
import { ModelActions } from './ModelActions';
import { ModelStatusBanner } from './ModelStatusBanner';
import { ModelVersions } from './ModelVersions';
import { useModel } from './model.queries';
import { RelationshipTypeBadge } from './RelationshipTypeBadge';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export default function ModelDetailPage() {
  const { t } = useTranslation(['models']);
  const { id = '' } = useParams();
  const model = useModel(id);

  const body = () => {
    if (model.isPending) return <PageLoader />;
    if (model.isError) return <ErrorAlert error={model.error} onRetry={() => void model.refetch()} />;
    const m = model.data;
    return (
      <>
        <Anchor component={Link} to="/approach/models" size="sm">
          ← {t('detail.back')}
        </Anchor>
        <PageHeader
          title={
            <Group gap="sm" component="span">
              {m.name}
              <AgreementStatusBadge status={m.status} />
              {m.archivedAt && (
                <Badge color="gray" variant="filled">
                  {t('detail.archived')}
                </Badge>
              )}
            </Group>
          }
          description={m.description || undefined}
          actions={<ModelActions model={m} />}
        />
        <Stack gap="lg">
          <ModelStatusBanner model={m} />
          {m.archivedAt && (
            <Alert color="gray" variant="light">
              {t('detail.archivedNotice')}
            </Alert>
          )}
          <Group gap="lg" align="center">
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('fields.relationshipType')}:
              </Text>
              <RelationshipTypeBadge type={m.relationshipType} />
            </Group>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('fields.groups')}:
              </Text>
              {m.groups.length === 0 ? (
                <Text size="sm">{t('detail.noGroups')}</Text>
              ) : (
                m.groups.map((group) => (
                  <Anchor key={group.id} component={Link} to={`/stakeholders/groups/${group.id}`} size="sm">
                    {group.name}
                  </Anchor>
                ))
              )}
            </Group>
          </Group>
          <Section id="model-journey" title={t('detail.journey')}>
            <JourneyView steps={m.steps} />
          </Section>
          <Section id="model-communality" title={t('editor.communality')}>
            <CommunalityView name={m.name} communality={m.communality} />
          </Section>
          <Section id="model-cadence" title={t('editor.cadence')}>
            <CadenceView model={m} />
          </Section>
          <Section id="model-versions" title={t('versions.title')}>
            <ModelVersions modelId={m.id} />
          </Section>
          <Section id="model-materials" title={t('materials.title')}>
            <AttachedMaterials attachedTo={{ modelId: m.id }} texts="models:materials" />
          </Section>
          <ModelLessons modelId={m.id} />
        </Stack>
      </>
    );
  };

  return (
    <>
      <ApproachTabs />
      {body()}
    </>
  );
}
