import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Exception, ExceptionStatus } from '@rapport/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { formatDate, formatDay } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Markdown } from '../../components/Markdown';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { AntidoteGuidance } from './AntidoteGuidance';
import { EditExceptionModal } from './EditExceptionModal';
import { ExceptionBadges, SeverityBadge } from './ExceptionBadges';
import { ExceptionHistory } from './ExceptionHistory';
import { useUpdateException } from './exception.mutations';
import { useException } from './exception.queries';
import { ModelProposalSection } from './ModelProposalSection';
import { TransitionModal } from './TransitionModal';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export default function ExceptionDetailPage() {
  const { t, i18n } = useTranslation(['exceptions', 'common']);
  const { id = '' } = useParams();
  const query = useException(id);
  const users = useUserOptions();
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const exception = query.data;
  const nameOf = (userId: string | null) =>
    userId ? (users.data?.find((user) => user.id === userId)?.name ?? '…') : t('none');
  // Those who may move it on (owner, the relationship's manager, `exceptions.manage`) may edit it until closed.
  const mayEdit = exception.allowedTransitions.length > 0 && exception.status !== 'closed';

  return (
    <>
      <Anchor component={Link} to="/exceptions" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {exception.title}
            <ExceptionBadges exception={exception} />
            <SeverityBadge severity={exception.severity} />
          </Group>
        }
        actions={
          mayEdit && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('edit.open')}
            </Button>
          )
        }
      />
      <EditExceptionModal exception={exception} opened={editing} onClose={() => setEditing(false)} />
      <Paper withBorder p="md" radius="md" mb="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label={t('fields.relationship')}>
            {exception.relationshipId ? (
              <Anchor component={Link} to={`/relationships/${exception.relationshipId}`}>
                {exception.relationshipName}
              </Anchor>
            ) : (
              t('list.between')
            )}
          </Fact>
          <Fact label={t('fields.type')}>
            {t(`type.${exception.type}`)}
            {exception.toxicBehaviour && ` · ${t(`toxic.${exception.toxicBehaviour}`)}`}
          </Fact>
          <Fact label={t('fields.owner')}>{nameOf(exception.ownerId)}</Fact>
          <Fact label={t('fields.reportedBy')}>
            {exception.reportedBy ? nameOf(exception.reportedBy) : t('hiddenReporter')}
          </Fact>
          <Fact label={t('fields.occurredOn')}>
            {exception.occurredOn ? formatDay(exception.occurredOn, i18n.language) : t('none')}
          </Fact>
          <Fact label={t('fields.dueOn')}>
            {exception.dueOn ? formatDay(exception.dueOn, i18n.language) : t('none')}
          </Fact>
          <Fact label={t('fields.raisedOn')}>{formatDate(exception.createdAt, i18n.language)}</Fact>
        </SimpleGrid>
      </Paper>
      <Stack gap="xl">
        {exception.toxicBehaviour && <AntidoteGuidance behaviour={exception.toxicBehaviour} />}
        <Workflow key={exception.version} exceptionId={exception.id} />
        <Stack gap="sm" component="section" aria-labelledby="exception-description-title">
          <Title order={2} size="h4" id="exception-description-title">
            {t('detail.description')}
          </Title>
          {exception.description ? (
            <Markdown topHeading={3}>{exception.description}</Markdown>
          ) : (
            <Text size="sm" c="dimmed">
              {t('detail.noDescription')}
            </Text>
          )}
        </Stack>
        <MediationNotes key={`notes-${exception.version}`} exceptionId={exception.id} />
        <Stack gap="sm" component="section" aria-labelledby="exception-resolution-title">
          <Title order={2} size="h4" id="exception-resolution-title">
            {t('detail.resolution')}
          </Title>
          <Text size="sm" c={exception.resolution ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {exception.resolution || t('detail.noResolution')}
          </Text>
        </Stack>
        <ModelProposalSection exception={exception} />
        <ExceptionHistory exception={exception} />
      </Stack>
    </>
  );
}

/** The buttons of the steps this user may take now; nothing else is offered. */
function Workflow({ exceptionId }: { exceptionId: string }) {
  const { t } = useTranslation(['exceptions']);
  const exception = useException(exceptionId).data;
  const [to, setTo] = useState<ExceptionStatus | null>(null);
  if (!exception) return null;
  const allowed = exception.allowedTransitions;
  return (
    <Stack gap="sm" component="section" aria-labelledby="exception-workflow-title">
      <Title order={2} size="h4" id="exception-workflow-title">
        {t('detail.workflow')}
      </Title>
      {exception.status === 'closed' ? (
        <Text size="sm" c="dimmed">
          {t('detail.noMoves')}
        </Text>
      ) : allowed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('detail.mayNotMove')}
        </Text>
      ) : (
        <Group>
          {allowed.map((status) => (
            <Button
              key={status}
              variant={status === 'resolved' ? 'filled' : 'light'}
              color={status === 'escalated' ? 'orange' : undefined}
              onClick={() => setTo(status)}
            >
              {t(`to.${status}`)}
            </Button>
          ))}
        </Group>
      )}
      <TransitionModal exception={exception} to={to} onClose={() => setTo(null)} />
    </Stack>
  );
}

/** The mediation notes, editable by those who may handle the exception while it is not closed. */
function MediationNotes({ exceptionId }: { exceptionId: string }) {
  const { t } = useTranslation(['exceptions', 'common']);
  const exception = useException(exceptionId).data;
  const [editing, setEditing] = useState(false);
  if (!exception) return null;
  const mayEdit = exception.allowedTransitions.length > 0 && exception.status !== 'closed';
  return (
    <Stack gap="sm" component="section" aria-labelledby="exception-mediation-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="exception-mediation-title">
          {t('detail.mediation')}
        </Title>
        {mayEdit && !editing && (
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {t('detail.editNotes')}
          </Button>
        )}
      </Group>
      {editing ? (
        <NotesForm exception={exception} onDone={() => setEditing(false)} />
      ) : exception.mediationNotes ? (
        <Markdown topHeading={3}>{exception.mediationNotes}</Markdown>
      ) : (
        <Text size="sm" c="dimmed">
          {t('detail.noNotes')}
        </Text>
      )}
    </Stack>
  );
}

function NotesForm({ exception, onDone }: { exception: Exception; onDone: () => void }) {
  const { t } = useTranslation(['exceptions', 'common']);
  const update = useUpdateException(exception);
  const [text, setText] = useState(exception.mediationNotes);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { mediationNotes: text },
          {
            onSuccess: () => {
              notifications.show({ message: t('detail.notesSaved') });
              onDone();
            },
            onError: (failure) => setError(isApiError(failure, 409) ? t('detail.conflict') : failure.message),
          },
        );
      }}
    >
      <Stack>
        <Textarea
          label={t('fields.mediationNotes')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={error}
          autosize
          minRows={4}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('detail.saveNotes')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
