import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { endReasons, type Relationship, type RelationshipEnd } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { useEndRelationship } from './relationship.mutations';
import { relationshipKeys } from './relationship.queries';

interface Props {
  relationship: Relationship;
  opened: boolean;
  onClose: () => void;
}

type EndReason = RelationshipEnd['endReason'];

const today = () => new Date().toISOString().slice(0, 10);

/** Ends the relationship; a journey with a withdraw step then shows its offboarding checklist. */
export function EndRelationshipModal({ relationship, opened, onClose }: Props) {
  const { t } = useTranslation(['relationships', 'common']);
  const queryClient = useQueryClient();
  const end = useEndRelationship();
  const [endReason, setEndReason] = useState<EndReason | null>(null);
  const [endedOn, setEndedOn] = useState(today());
  const [endNote, setEndNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setEndReason(null);
    setEndedOn(today());
    setEndNote('');
    setErrors({});
    setGeneral(null);
  }, [opened]);

  const submit = () => {
    if (!endReason) {
      setErrors({ endReason: t('common:validation.choose') });
      return;
    }
    end.mutate(
      { relationship, end: { endReason, endedOn: endedOn || undefined, endNote: endNote.trim() } },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error, 409)) {
            void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(relationship.id) });
            setErrors({});
            setGeneral(t('edit.conflictBody'));
            return;
          }
          const described = describeSubmitError(error, ['endReason', 'endedOn', 'endNote']);
          setErrors(described.fields);
          setGeneral(described.general);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('end.title')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Alert color="blue" variant="light">
            {t('end.explain')}
          </Alert>
          <Select
            label={t('fields.endReason')}
            data={endReasons.map((reason) => ({ value: reason, label: t(`endReason.${reason}`) }))}
            value={endReason}
            onChange={(value) => setEndReason(value as EndReason | null)}
            error={errors.endReason}
            required
            data-autofocus
          />
          <TextInput
            type="date"
            label={t('fields.endedOn')}
            value={endedOn}
            onChange={(event) => setEndedOn(event.currentTarget.value)}
            error={errors.endedOn}
          />
          <Textarea
            label={t('fields.endNote')}
            value={endNote}
            onChange={(event) => setEndNote(event.currentTarget.value)}
            error={errors.endNote}
            autosize
            minRows={2}
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
            <Button type="submit" color="red" loading={end.isPending}>
              {t('end.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
