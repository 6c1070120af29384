import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Exception } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeSubmitError } from '../../app/forms';
import { useCan } from '../auth/auth.queries';
import { useRelationship } from '../relationships/relationship.queries';
import { useProposeModelUpdate } from './exception.mutations';

/** "Propose a model update" (SPEC §6): a draft of the relationship's model that links back here. */
export function ModelProposalSection({ exception }: { exception: Exception }) {
  const { t } = useTranslation(['exceptions', 'common']);
  const canWrite = useCan('approach.write');
  const relationship = useRelationship(exception.relationshipId ?? '');
  const propose = useProposeModelUpdate(exception);
  const [opened, { open, close }] = useDisclosure();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const proposal = exception.modelProposal;
  if (!exception.relationshipId) return null;
  const modelId = relationship.data?.modelId ?? null;

  const submit = () => {
    if (!note.trim()) {
      setError(t('common:validation.required'));
      return;
    }
    propose.mutate(note.trim(), {
      onSuccess: close,
      onError: (failure) => setError(describeSubmitError(failure, ['note']).general ?? failure.message),
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="exception-model-title">
      <Title order={2} size="h4" id="exception-model-title">
        {t('model.title')}
      </Title>
      {proposal ? (
        <Group gap="sm">
          <Text size="sm">{t('model.proposed', { version: proposal.version })}</Text>
          <Anchor component={Link} to={`/approach/models/${proposal.modelId}`} size="sm">
            {t('model.open')}
          </Anchor>
        </Group>
      ) : relationship.isSuccess && !modelId ? (
        <Text size="sm" c="dimmed">
          {t('model.noModel')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('model.proposeHint')}
          </Text>
          {canWrite && !exception.archivedAt && (
            <Group>
              <Button
                variant="light"
                onClick={() => {
                  setNote('');
                  setError(null);
                  open();
                }}
              >
                {t('model.propose')}
              </Button>
            </Group>
          )}
        </>
      )}
      <Modal opened={opened} onClose={close} title={t('model.propose')} size="lg">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('model.proposeHint')}
            </Text>
            <Textarea
              label={t('model.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              required
              autosize
              minRows={3}
              data-autofocus
            />
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={propose.isPending}>
                {t('model.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
