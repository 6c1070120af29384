import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import {
  type AgreedDocument,
  type AgreementStep,
  endpointOf,
  type WorkflowAction,
} from './agreement.workflow';

interface Props {
  document: AgreedDocument;
  /** The step to confirm; `null` keeps the modal closed. */
  step: WorkflowAction | null;
  onClose: () => void;
  /** Where the document kind keeps the texts of its steps, e.g. `principles:steps`. */
  texts: string;
  /** The query to reload when someone else changed the document first. */
  detailKey: QueryKey;
  run: {
    mutate: (
      variables: { step: AgreementStep; note: string },
      options: { onSuccess: () => void; onError: (error: unknown) => void },
    ) => void;
    isPending: boolean;
  };
}

/** Confirms a step of the agreement workflow, with an optional note kept with the version. */
export function AgreementStepModal({ document, step, onClose, texts, detailKey, run }: Props) {
  const { t } = useTranslation(['principles', 'models', 'common']);
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (step === null) return;
    setNote('');
    setFailure(null);
  }, [step]);

  if (step === null) return null;
  const vars = { number: document.currentVersion, agreed: document.agreedVersion ?? 0 };
  // The key is built from the kind's namespace, which the typed `t` cannot follow.
  const text = (key: string) => String(t(`${texts}.${key}` as never, vars as never));

  const confirm = () =>
    run.mutate(
      { step: endpointOf(step), note: note.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: text(`${step}.done`) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409)) {
            void queryClient.invalidateQueries({ queryKey: detailKey });
            notifications.show({ color: 'orange', message: text('conflict') });
            onClose();
            return;
          }
          setFailure(problemText(error));
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={text(`${step}.title`)}>
      <Stack>
        <Text size="sm">
          {step === 'agree' && document.agreedVersion !== null
            ? text('agree.replaces')
            : text(`${step}.body`)}
        </Text>
        <Textarea
          label={text('note')}
          description={text('noteHint')}
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
            {text(`${step}.confirm`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
