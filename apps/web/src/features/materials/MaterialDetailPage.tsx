import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { isInAudience } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Markdown } from '../../components/Markdown';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { useCan, useCurrentUser } from '../auth/auth.queries';
import { AcknowledgementProgress } from './AcknowledgementProgress';
import { AcknowledgePanel } from './AcknowledgePanel';
import { AttachedTo } from './AttachedTo';
import { AudienceBadges } from './AudienceBadges';
import { MaterialFormModal } from './MaterialFormModal';
import { MaterialReadersPanel } from './MaterialReadersPanel';
import { useMaterial } from './material.queries';

export default function MaterialDetailPage() {
  const { t, i18n } = useTranslation(['materials', 'common']);
  const { id = '' } = useParams();
  const material = useMaterial(id);
  const canWrite = useCan('approach.write');
  const me = useCurrentUser();
  const [editing, { open, close }] = useDisclosure();

  if (material.isPending) return <PageLoader />;
  if (material.isError) return <ErrorAlert error={material.error} onRetry={() => void material.refetch()} />;
  const m = material.data;
  const archived = Boolean(m.archivedAt);

  return (
    <>
      <ApproachTabs />
      <Anchor component={Link} to="/approach/materials" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={m.title}
        description={[
          t(`kind.${m.kind}`),
          t('detail.revision', { revision: m.revision }),
          t('detail.updated', { date: formatDate(m.updatedAt, i18n.language) }),
        ].join(' · ')}
        actions={
          canWrite &&
          !archived && (
            <Button variant="default" onClick={open}>
              {t('common:actions.edit')}
            </Button>
          )
        }
      />
      {archived && (
        <Badge color="gray" variant="filled" mb="md">
          {t('detail.archived')}
        </Badge>
      )}
      <Group align="flex-start" gap="xl" mb="md">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('list.attachedTo')}
          </Text>
          <AttachedTo material={m} />
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('fields.audience')}
          </Text>
          <AudienceBadges audience={m.audience} />
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('list.acknowledged')}
          </Text>
          <AcknowledgementProgress material={m} />
        </Stack>
      </Group>
      <Paper withBorder p="lg" mb="md">
        {m.kind === 'link' && m.url ? (
          <Stack gap="xs">
            <Text size="sm">{t('detail.linkIntro')}</Text>
            <Anchor href={m.url} target="_blank" rel="noopener noreferrer" fw={500}>
              {m.url}
            </Anchor>
          </Stack>
        ) : m.body.trim() ? (
          <Markdown>{m.body}</Markdown>
        ) : (
          <Text c="dimmed">{t('detail.noText')}</Text>
        )}
      </Paper>
      {/* Acknowledging is for the material's audience (the server refuses others). */}
      {!archived &&
        (isInAudience(me, m) ? (
          <AcknowledgePanel material={m} />
        ) : (
          <Text size="sm" c="dimmed" mb="lg">
            {t('ack.notYourAudience')}
          </Text>
        ))}
      <MaterialReadersPanel materialId={m.id} />
      <MaterialFormModal opened={editing} onClose={close} material={m} />
    </>
  );
}
