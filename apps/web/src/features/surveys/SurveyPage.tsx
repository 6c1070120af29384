import {
  Alert,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { InvitationWithLink, Survey } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { problemText } from '../../app/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { useGroups } from '../groups/group.queries';
import { InviteModal } from './InviteModal';
import { ResultsPanel } from './ResultsPanel';
import { SurveyBadges } from './SurveyBadges';
import { SurveyFormModal } from './SurveyFormModal';
import { useArchiveSurvey, useResend, useUpdateSurvey } from './survey.mutations';
import {
  type ResultFilters,
  surveyKeys,
  useInvitations,
  useSurvey,
  useSurveyAnswers,
  useSurveyResults,
} from './survey.queries';

const invitationColor = { sent: 'blue', answered: 'teal', expired: 'gray' } as const;

function Invitations({ survey, canWrite }: { survey: Survey; canWrite: boolean }) {
  const { t, i18n } = useTranslation(['surveys']);
  const invitations = useInvitations(survey.id);
  const resend = useResend(survey.id);
  const [fresh, setFresh] = useState<InvitationWithLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string | null) => (iso ? formatDate(iso, i18n.language, true) : '—');
  if (invitations.isPending) return <PageLoader />;
  if (invitations.isError)
    return <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (invitations.data.length === 0) return <Text c="dimmed">{t('detail.noInvitations')}</Text>;
  const anonymous = survey.anonymity === 'anonymous';
  return (
    <Stack gap="xs">
      {anonymous && (
        <Text size="sm" c="dimmed">
          {t('detail.anonymousInvitations')}
        </Text>
      )}
      {fresh && (
        <Alert color="teal" withCloseButton onClose={() => setFresh(null)}>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="survey-link">
              {fresh.stakeholderName}: {fresh.link}
            </Text>
            <CopyButton value={fresh.link}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('invite.copied') : t('invite.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('detail.invitations')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('detail.stakeholder')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('detail.sentAt')}</Table.Th>
              <Table.Th>{t('detail.expiresAt')}</Table.Th>
              {!anonymous && <Table.Th>{t('detail.answeredAt')}</Table.Th>}
              {canWrite && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/stakeholders/${invitation.stakeholderId}`}>
                    {invitation.stakeholderName}
                  </Anchor>
                  {invitation.relationshipId && (
                    <Text size="xs">
                      <Anchor component={Link} to={`/relationships/${invitation.relationshipId}`}>
                        {t('detail.relationship')}
                      </Anchor>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={invitationColor[invitation.status]}>
                    {t(`invitationStatus.${invitation.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{when(invitation.sentAt)}</Table.Td>
                <Table.Td>{when(invitation.expiresAt)}</Table.Td>
                {!anonymous && <Table.Td>{when(invitation.answeredAt)}</Table.Td>}
                {canWrite && (
                  <Table.Td>
                    {invitation.status !== 'answered' && survey.status === 'open' && !survey.archivedAt && (
                      <Button
                        size="xs"
                        variant="subtle"
                        title={t('detail.resendHint')}
                        loading={resend.isPending && resend.variables?.id === invitation.id}
                        onClick={() => {
                          setError(null);
                          resend.mutate(
                            { id: invitation.id, version: invitation.version },
                            { onSuccess: setFresh, onError: (e) => setError(problemText(e)) },
                          );
                        }}
                      >
                        {t('detail.resend')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Answers({ survey, filters }: { survey: Survey; filters: ResultFilters }) {
  const { t, i18n } = useTranslation(['surveys']);
  const answers = useSurveyAnswers(survey.id, filters, true);
  if (answers.isPending) return <PageLoader />;
  if (answers.isError) return <ErrorAlert error={answers.error} />;
  if (answers.data.length === 0) return <Text c="dimmed">{t('detail.noAnswers')}</Text>;
  const labels = new Map(survey.questions.map((q) => [q.key, q.label]));
  return (
    <Stack gap="xs">
      {answers.data.map((answer) => (
        <Paper key={answer.id} withBorder p="sm" radius="md">
          <Group justify="space-between">
            <Text fw={600}>{answer.stakeholderName}</Text>
            <Text size="xs" c="dimmed">
              {formatDate(answer.answeredAt, i18n.language, true)}
            </Text>
          </Group>
          <Group gap="xs" my={4}>
            {answer.csat !== null && <Badge variant="light">CSAT {answer.csat}</Badge>}
            {answer.nps !== null && (
              <Badge variant="light" color="grape">
                NPS {answer.nps}
              </Badge>
            )}
            {answer.score !== null && <Badge variant="light">{answer.score} / 5</Badge>}
          </Group>
          <Text size="sm" c={answer.comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
            {answer.comment || t('detail.noComment')}
          </Text>
          {Object.entries(answer.answers).map(([key, value]) => (
            <Text key={key} size="xs">
              <strong>{labels.get(key) ?? key}:</strong> {String(value)}
            </Text>
          ))}
        </Paper>
      ))}
    </Stack>
  );
}

export default function SurveyPage() {
  const { t } = useTranslation(['surveys', 'common']);
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const survey = useSurvey(id);
  const canWrite = useCan('surveys.write');
  const canReadAnswers = useCan('surveys.answers');
  const groups = useGroups();
  const update = useUpdateSurvey();
  const archive = useArchiveSurvey();
  const [editing, edit] = useDisclosure();
  const [inviting, invite] = useDisclosure();
  const [filters, setFilters] = useState<ResultFilters>({ from: null, to: null, groupId: null });
  const [error, setError] = useState<string | null>(null);
  const results = useSurveyResults(id, filters);
  const invitations = useInvitations(id);

  if (survey.isPending) return <PageLoader />;
  if (survey.isError) return <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  const current = survey.data;
  const invited = (invitations.data?.length ?? 0) > 0;
  const writable = canWrite && !current.archivedAt;
  const onError = (failure: unknown) => {
    if (isApiError(failure, 409)) void queryClient.invalidateQueries({ queryKey: surveyKeys.detail(id) });
    setError(problemText(failure));
  };
  const setStatus = (status: Survey['status']) => {
    setError(null);
    update.mutate({ id, version: current.version, patch: { status } }, { onError });
  };

  return (
    <>
      <Anchor component={Link} to="/surveys" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {current.title}
            <SurveyBadges survey={current} />
          </Group>
        }
        description={`${t(`kind.${current.kind}`)}${current.intro ? ` — ${current.intro}` : ''}`}
        actions={
          canWrite && (
            <>
              {writable && current.status === 'open' && (
                <Button onClick={invite.open}>{t('detail.invite')}</Button>
              )}
              {writable && current.status === 'draft' && (
                <Button onClick={() => setStatus('open')} loading={update.isPending}>
                  {t('detail.open')}
                </Button>
              )}
              {writable && current.status === 'open' && (
                <Button variant="default" onClick={() => setStatus('closed')} loading={update.isPending}>
                  {t('detail.close')}
                </Button>
              )}
              {writable && current.status === 'closed' && (
                <Button variant="default" onClick={() => setStatus('open')} loading={update.isPending}>
                  {t('detail.reopen')}
                </Button>
              )}
              {writable && (
                <Button variant="default" onClick={edit.open}>
                  {t('detail.edit')}
                </Button>
              )}
              <Button
                variant="subtle"
                color={current.archivedAt ? undefined : 'red'}
                loading={archive.isPending}
                onClick={() =>
                  archive.mutate({ survey: current, restore: Boolean(current.archivedAt) }, { onError })
                }
              >
                {current.archivedAt ? t('detail.restore') : t('detail.archive')}
              </Button>
            </>
          )
        }
      />
      {error && (
        <Alert color="red" mb="md" withCloseButton onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {current.status === 'draft' && canWrite && (
        <Alert color="blue" mb="md">
          {t('detail.draftHint')}
        </Alert>
      )}
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="results-title">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4" id="results-title">
              {t('results.title')}
            </Title>
            <Group align="flex-end">
              <TextInput
                type="date"
                label={t('results.from')}
                value={filters.from ?? ''}
                onChange={(e) => setFilters((f) => ({ ...f, from: e.currentTarget.value || null }))}
              />
              <TextInput
                type="date"
                label={t('results.to')}
                value={filters.to ?? ''}
                onChange={(e) => setFilters((f) => ({ ...f, to: e.currentTarget.value || null }))}
              />
              <Select
                label={t('results.group')}
                placeholder={t('results.anyGroup')}
                data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
                value={filters.groupId}
                onChange={(groupId) => setFilters((f) => ({ ...f, groupId }))}
                clearable
                searchable
                w={200}
              />
            </Group>
          </Group>
          {results.isError ? (
            <ErrorAlert error={results.error} />
          ) : results.data ? (
            <ResultsPanel figures={results.data} kind={current.kind} />
          ) : (
            <PageLoader />
          )}
          <Text size="xs" c="dimmed" data-testid="survey-privacy-note">
            {t(current.anonymity === 'anonymous' ? 'detail.anonymousNote' : 'detail.namedNote', {
              k: current.minAnswers,
            })}
          </Text>
        </Stack>
        {current.questions.length > 0 && (
          <Stack gap="xs" component="section" aria-labelledby="questions-title">
            <Title order={2} size="h4" id="questions-title">
              {t('detail.questions')}
            </Title>
            {current.questions.map((q) => (
              <Text key={q.key} size="sm">
                {q.label}{' '}
                <Text span c="dimmed" size="xs">
                  ({t(`questionType.${q.type}`)}
                  {q.required ? ', *' : ''})
                </Text>
              </Text>
            ))}
          </Stack>
        )}
        <Stack gap="sm" component="section" aria-labelledby="invitations-title">
          <Title order={2} size="h4" id="invitations-title">
            {t('detail.invitations')}
          </Title>
          <Invitations survey={current} canWrite={canWrite} />
        </Stack>
        {canReadAnswers && current.anonymity === 'named' && (
          <Stack gap="sm" component="section" aria-labelledby="answers-title">
            <Title order={2} size="h4" id="answers-title">
              {t('detail.answers')}
            </Title>
            <Answers survey={current} filters={filters} />
          </Stack>
        )}
      </Stack>
      {writable && (
        <>
          <SurveyFormModal opened={editing} onClose={edit.close} survey={current} invited={invited} />
          <InviteModal opened={inviting} onClose={invite.close} survey={current} />
        </>
      )}
    </>
  );
}
