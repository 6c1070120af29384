import {
  Alert,
  Button,
  CloseButton,
  CopyButton,
  Group,
  Modal,
  Pill,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { InvitationCreate, InvitationsCreated, Survey } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../app/forms';
import { useGroups } from '../groups/group.queries';
import { StakeholderPicker } from '../stakeholders/StakeholderPicker';
import { useStakeholder } from '../stakeholders/stakeholder.queries';
import { useInvite } from './survey.mutations';
import { useRelationshipSearch, useSurveys } from './survey.queries';

type Target = 'stakeholders' | 'group' | 'relationship';

function Chosen({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation(['surveys']);
  const name = useStakeholder(id).data?.name ?? '…';
  return (
    <Pill size="md">
      <Group gap={4} wrap="nowrap" component="span">
        {name}
        <CloseButton size="xs" aria-label={t('invite.removeStakeholder', { name })} onClick={onRemove} />
      </Group>
    </Pill>
  );
}

/** The links just made, each with a copy button: the only time they can be seen. */
function Links({ created, onDone }: { created: InvitationsCreated; onDone: () => void }) {
  const { t } = useTranslation(['surveys']);
  const all = created.data.map((i) => `${i.stakeholderName}: ${i.link}`).join('\n');
  return (
    <Stack>
      {created.data.length === 0 ? (
        <Alert color="yellow">{t('invite.none')}</Alert>
      ) : (
        <>
          <Text size="sm">{t('invite.linksHint')}</Text>
          <Table aria-label={t('invite.linksTitle')}>
            <Table.Tbody>
              {created.data.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.stakeholderName}</Table.Td>
                  <Table.Td>
                    <Text
                      size="xs"
                      ff="monospace"
                      style={{ wordBreak: 'break-all' }}
                      data-testid="survey-link"
                    >
                      {invitation.link}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CopyButton value={invitation.link}>
                      {({ copied, copy }) => (
                        <Button size="xs" variant="light" onClick={copy}>
                          {copied ? t('invite.copied') : t('invite.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {created.skipped.length > 0 && created.data.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('invite.skipped', { count: created.skipped.length })}
        </Text>
      )}
      <Group justify="flex-end">
        {created.data.length > 1 && (
          <CopyButton value={all}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('invite.copied') : t('invite.copyAll')}
              </Button>
            )}
          </CopyButton>
        )}
        <Button onClick={onDone}>{t('invite.done')}</Button>
      </Group>
    </Stack>
  );
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Invite to this survey; without it, the user picks an open survey. */
  survey?: Survey;
  /** Invite this relationship's stakeholder (the relationship page's button). */
  relationship?: { id: string; name: string };
}

export function InviteModal({ opened, onClose, survey, relationship }: Props) {
  const { t } = useTranslation(['surveys']);
  const invite = useInvite();
  const openSurveys = useSurveys({ q: '', kind: 'satisfaction', status: 'open' }, opened && !survey);
  const groups = useGroups();
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [target, setTarget] = useState<Target>(relationship ? 'relationship' : 'stakeholders');
  const [stakeholderIds, setStakeholderIds] = useState<string[]>([]);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [relationshipId, setRelationshipId] = useState<string | null>(null);
  const [relationshipSearch, setRelationshipSearch] = useState('');
  const [searchFor] = useDebouncedValue(relationshipSearch, 250);
  const relationships = useRelationshipSearch(
    searchFor,
    opened && !relationship && target === 'relationship',
  );
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<InvitationsCreated | null>(null);
  const chosenSurvey = survey?.id ?? surveyId;
  const title = survey?.title ?? openSurveys.data?.find((s) => s.id === surveyId)?.title ?? '';

  const close = () => {
    setCreated(null);
    setError(null);
    setStakeholderIds([]);
    setGroupId(null);
    setRelationshipId(null);
    onClose();
  };

  const send = () => {
    if (!chosenSurvey) return;
    const body: InvitationCreate =
      target === 'relationship'
        ? { relationshipId: relationship?.id ?? relationshipId ?? '' }
        : target === 'group'
          ? { groupId: groupId ?? '' }
          : { stakeholderIds };
    setError(null);
    invite.mutate(
      { surveyId: chosenSurvey, body },
      {
        onSuccess: setCreated,
        onError: (failure) => setError(problemText(failure)),
      },
    );
  };

  const ready =
    Boolean(chosenSurvey) &&
    (target === 'relationship'
      ? Boolean(relationship)
      : target === 'group'
        ? Boolean(groupId)
        : stakeholderIds.length > 0);

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title ? t('invite.title', { title }) : t('card.invite')}
      size="lg"
    >
      {created ? (
        <Links created={created} onDone={close} />
      ) : (
        <Stack>
          {!survey &&
            (openSurveys.data && openSurveys.data.length === 0 ? (
              <Alert color="yellow">{t('invite.noOpenSurvey')}</Alert>
            ) : (
              <Select
                label={t('invite.pickSurvey')}
                data={(openSurveys.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
                value={surveyId}
                onChange={setSurveyId}
                required
              />
            ))}
          {!relationship && (
            <SegmentedControl
              aria-label={t('invite.to')}
              value={target}
              onChange={(value) => setTarget(value as Target)}
              data={[
                { value: 'stakeholders', label: t('invite.stakeholders') },
                { value: 'group', label: t('invite.group') },
                { value: 'relationship', label: t('invite.relationship') },
              ]}
            />
          )}
          {target === 'relationship' && !relationship && (
            <Select
              label={t('invite.pickRelationship')}
              data={relationships.data ?? []}
              value={relationshipId}
              onChange={setRelationshipId}
              searchable
              searchValue={relationshipSearch}
              onSearchChange={setRelationshipSearch}
              filter={({ options }) => options}
              nothingFoundMessage="—"
              required
            />
          )}
          {relationship && (
            <Text size="sm">
              {t('invite.pickRelationship')}: <strong>{relationship.name}</strong>
            </Text>
          )}
          {target === 'stakeholders' && !relationship && (
            <>
              <StakeholderPicker
                label={t('invite.pickStakeholder')}
                value={null}
                exclude={stakeholderIds}
                onChange={(id) => id && setStakeholderIds((ids) => [...ids, id])}
              />
              <Group gap="xs">
                {stakeholderIds.map((id) => (
                  <Chosen
                    key={id}
                    id={id}
                    onRemove={() => setStakeholderIds((ids) => ids.filter((i) => i !== id))}
                  />
                ))}
              </Group>
            </>
          )}
          {target === 'group' && !relationship && (
            <Select
              label={t('invite.pickGroup')}
              data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={groupId}
              onChange={setGroupId}
              searchable
              required
            />
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('form.cancel')}
            </Button>
            <Button onClick={send} disabled={!ready} loading={invite.isPending}>
              {t('invite.send')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
