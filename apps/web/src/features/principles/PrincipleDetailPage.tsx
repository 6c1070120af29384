import { Anchor, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Markdown } from '../../components/Markdown';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { AttachedMaterials } from '../materials/AttachedMaterials';
import { AgreementStatusBadge } from './AgreementStatusBadge';
import { NextReview } from './NextReview';
import { PrincipleActions } from './PrincipleActions';
import { PrincipleFormModal } from './PrincipleFormModal';
import { PrincipleStatusBanner } from './PrincipleStatusBanner';
import { PrincipleVersions } from './PrincipleVersions';
import { usePrinciple } from './principle.queries';

export default function PrincipleDetailPage() {
  const { t } = useTranslation(['principles', 'common']);
  const { id = '' } = useParams();
  const principle = usePrinciple(id);
  const [editing, { open, close }] = useDisclosure();

  if (principle.isPending) return <PageLoader />;
  if (principle.isError)
    return <ErrorAlert error={principle.error} onRetry={() => void principle.refetch()} />;
  const p = principle.data;

  return (
    <>
      <ApproachTabs />
      <Anchor component={Link} to="/approach/principles" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {p.title}
            <AgreementStatusBadge status={p.status} />
            {p.archivedAt && (
              <Badge color="gray" variant="filled">
                {t('detail.archived')}
              </Badge>
            )}
          </Group>
        }
        actions={<PrincipleActions principle={p} onEdit={open} />}
      />
      <Group gap="xs" mb="sm">
        <Text size="sm" c="dimmed">
          {t('detail.nextReview')}
        </Text>
        <NextReview nextReviewOn={p.nextReviewOn} inForce={p.agreedVersion !== null} />
      </Group>
      <PrincipleStatusBanner principle={p} />
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('detail.textOf', { number: p.currentVersion, status: t(`status.${p.status}`) })}
          </Title>
          <Paper withBorder p="lg">
            {p.body.trim() ? (
              <Markdown topHeading={3}>{p.body}</Markdown>
            ) : (
              <Text c="dimmed">{t('detail.noText')}</Text>
            )}
          </Paper>
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('versions.title')}
          </Title>
          <PrincipleVersions principleId={p.id} />
        </Stack>
        <Divider />
        <AttachedMaterials attachedTo={{ principleId: p.id }} texts="principles:materials" withTitle />
      </Stack>
      <PrincipleFormModal opened={editing} onClose={close} principle={p} />
    </>
  );
}
