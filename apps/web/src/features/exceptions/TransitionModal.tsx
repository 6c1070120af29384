import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import type { Exception, ExceptionStatus } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { useTransitionException } from './exception.mutations';

interface Props {
  exception: Exception;
  to: ExceptionStatus | null;
  onClose: () => void;
}

/** One step of the workflow, with a note; resolving asks how it was resolved. */
export function TransitionModal({ exception, to, onClose }: Props) {
  const { t } = useTranslation(['exceptions', 'common']);
  const transition = useTransitionException(exception);
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!to) return;
    setNote('');
    setResolution(exception.resolution);
    setErrors({});
    setGeneral(null);
  }, [to, exception.resolution]);

  const submit = () => {
    if (!to) return;
    if (to === 'resolved' && !resolution.trim()) {
      setErrors({ resolution: t('common:validation.required') });
      return;
    }
    const body = { to, note, ...(to === 'resolved' && { resolution }) };
    transition.mutate(body, {
      onSuccess: onClose,
      onError: (error) => {
        const described = describeSubmitError(error, ['note', 'resolution'], body);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <Modal
      opened={to !== null}
      onClose={onClose}
      title={to ? t('transition.title', { action: t(`to.${to}`), title: exception.title }) : ''}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {to === 'resolved' && (
            <Textarea
              label={t('fields.resolution')}
              description={t('transition.resolutionHint')}
              value={resolution}
              onChange={(event) => setResolution(event.currentTarget.value)}
              error={errors.resolution}
              required
              autosize
              minRows={3}
              data-autofocus
            />
          )}
          <Textarea
            label={t('transition.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.note}
            autosize
            minRows={2}
            data-autofocus={to !== 'resolved' || undefined}
          />
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={transition.isPending}>
              {to ? t(`to.${to}`) : ''}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
