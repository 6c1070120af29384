import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError } from '../../app/forms';
import { useMoveRelationship } from './relationship.mutations';
import { relationshipKeys } from './relationship.queries';

interface Props {
  relationship: Relationship;
  opened: boolean;
  onClose: () => void;
}

/** Moves the relationship to one or more steps (steps may run in parallel), with a note for the history. */
export function MoveModal({ relationship, opened, onClose }: Props) {
  const { t } = useTranslation(['relationships', 'common']);
  const queryClient = useQueryClient();
  const move = useMoveRelationship();
  const [steps, setSteps] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [movedMeanwhile, setMovedMeanwhile] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setSteps([]);
    setNote('');
    setError(null);
    setMovedMeanwhile(false);
  }, [opened]);

  const submit = () => {
    if (steps.length === 0) {
      setError(t('move.chooseStep'));
      return;
    }
    move.mutate(
      { relationship, steps, note: note.trim() },
      {
        onSuccess: onClose,
        onError: (failure) => {
          if (isApiError(failure, 409)) {
            setMovedMeanwhile(true);
            setError(null);
            void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(relationship.id) });
            return;
          }
          const described = describeSubmitError(failure, ['steps', 'note']);
          setError(Object.values(described.fields).join(' ') || described.general);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('move.title')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {movedMeanwhile && (
            <Alert color="orange" variant="light" title={t('move.conflictTitle')} role="alert">
              {t('move.conflictBody')}
            </Alert>
          )}
          <Checkbox.Group
            label={t('move.steps')}
            description={t('move.stepsHint')}
            value={steps}
            onChange={setSteps}
            error={error}
            required
          >
            <Stack gap="xs" mt="xs">
              {(relationship.journey?.steps ?? []).map((step) => (
                <Checkbox
                  key={step.key}
                  value={step.key}
                  label={
                    relationship.currentSteps.includes(step.key)
                      ? t('move.currentStep', { name: step.name })
                      : step.name
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('move.note')}
            description={t('move.noteHint')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={move.isPending}>
              {t('move.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
