import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RelationshipModel } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { type AgreementStep, useModelStep } from './model.mutations';
import { modelKeys } from './model.queries';

export type WorkflowAction = AgreementStep | 'sendBack';

interface Props {
  model: RelationshipModel;
  /** The step to confirm; `null` keeps the dialog closed. */
  step: WorkflowAction | null;
  onClose: () => void;
}

/** "Send back" is the agreer's name for withdrawing a proposal: the same request, said from their side. */
const endpointOf = (step: WorkflowAction): AgreementStep => (step === 'sendBack' ? 'withdraw' : step);

/** Confirms a workflow step with an optional note kept with the version. */
export function ModelStepModal({ model, step, onClose }: Props) {
  const { t } = useTranslation(['models', 'common']);
  const queryClient = useQueryClient();
  const run = useModelStep();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (step === null) return;
    setNote('');
    setFailure(null);
  }, [step]);

  if (step === null) return null;
  const vars = { number: model.currentVersion, agreed: model.agreedVersion ?? 0 };

  const confirm = () =>
    run.mutate(
      { model, step: endpointOf(step), note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`workflow.${step}.done`, vars) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409)) {
            void queryClient.invalidateQueries({ queryKey: modelKeys.detail(model.id) });
            notifications.show({ color: 'orange', message: t('workflow.conflict') });
            onClose();
            return;
          }
          setFailure(problemText(error));
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t(`workflow.${step}.title`, vars)}>
      <Stack>
        <Text size="sm">
          {step === 'agree' && model.agreedVersion !== null
            ? t('workflow.agree.replaces', vars)
            : t(`workflow.${step}.body`, vars)}
        </Text>
        <Textarea
          label={t('workflow.note')}
          description={t('workflow.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          data-autofocus
        />
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button color={step === 'retire' ? 'red' : undefined} onClick={confirm} loading={run.isPending}>
            {t(`workflow.${step}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
