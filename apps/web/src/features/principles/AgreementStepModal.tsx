import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Principle } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { type AgreementStep, usePrincipleStep } from './principle.mutations';
import { principleKeys } from './principle.queries';

interface Props {
  principle: Principle;
  /** The step to confirm; `null` keeps the modal closed. */
  step: AgreementStep | 'sendBack' | null;
  onClose: () => void;
}

/** "Send back" is the agreer's name for withdrawing a proposal: the same step, said from their side. */
const endpointOf = (step: AgreementStep | 'sendBack'): AgreementStep =>
  step === 'sendBack' ? 'withdraw' : step;

export function AgreementStepModal({ principle, step, onClose }: Props) {
  const { t } = useTranslation(['principles', 'common']);
  const queryClient = useQueryClient();
  const run = usePrincipleStep();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (step === null) return;
    setNote('');
    setFailure(null);
  }, [step]);

  if (step === null) return null;
  const vars = { number: principle.currentVersion, agreed: principle.agreedVersion ?? 0 };

  const confirm = () =>
    run.mutate(
      { principle, step: endpointOf(step), note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t(`steps.${step}.done`, vars) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409)) {
            void queryClient.invalidateQueries({ queryKey: principleKeys.detail(principle.id) });
            notifications.show({
              color: 'orange',
              title: t('form.conflictTitle'),
              message: t('steps.conflict'),
            });
            onClose();
            return;
          }
          setFailure(problemText(error));
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t(`steps.${step}.title`, vars)}>
      <Stack>
        <Text size="sm">
          {step === 'agree' && principle.agreedVersion !== null
            ? t('steps.agree.replaces', vars)
            : t(`steps.${step}.body`, vars)}
        </Text>
        <Textarea
          label={t('steps.note')}
          description={t('steps.noteHint')}
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
            {t(`steps.${step}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
