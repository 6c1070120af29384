import { Alert, Button, Group, Modal, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { type Review, reviewTriggers } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { useCreateReview } from './review.mutations';
import type { ReviewTrigger } from './review.queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  onSaved: (review: Review) => void;
}

const fields = ['title', 'trigger', 'triggerNote', 'scheduledOn', 'participants'];

/** Plans a review of the approach: what prompts it, when, and who takes part; the rest comes when it is held. */
export function PlanReviewModal({ opened, onClose, onSaved }: Props) {
  const { t } = useTranslation(['reviews', 'common']);
  const create = useCreateReview();
  const [title, setTitle] = useState('');
  const [trigger, setTrigger] = useState<ReviewTrigger>('periodic');
  const [triggerNote, setTriggerNote] = useState('');
  const [scheduledOn, setScheduledOn] = useState('');
  const [participants, setParticipants] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setTrigger('periodic');
    setTriggerNote('');
    setScheduledOn('');
    setParticipants([]);
    setErrors({});
    setGeneral(null);
  }, [opened]);

  const submit = () => {
    if (!title.trim()) {
      setErrors({ title: t('common:validation.required') });
      return;
    }
    const body = {
      title: title.trim(),
      trigger,
      triggerNote,
      status: 'planned' as const,
      scheduledOn: scheduledOn || null,
      participants,
    };
    create.mutate(body, {
      onSuccess: (review) => {
        onClose();
        onSaved(review);
      },
      onError: (error) => {
        const described = describeSubmitError(error, fields, body);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('plan.title')} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('fields.title')}
            placeholder={t('plan.titlePlaceholder')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Select
            label={t('fields.trigger')}
            data={reviewTriggers.map((value) => ({ value, label: t(`trigger.${value}`) }))}
            value={trigger}
            onChange={(value) => value && setTrigger(value as ReviewTrigger)}
            allowDeselect={false}
            error={errors.trigger}
          />
          <Textarea
            label={t('fields.triggerNote')}
            description={t('form.triggerNoteHint')}
            value={triggerNote}
            onChange={(event) => setTriggerNote(event.currentTarget.value)}
            error={errors.triggerNote}
            autosize
            minRows={2}
          />
          <TextInput
            type="date"
            label={t('fields.scheduledOn')}
            value={scheduledOn}
            onChange={(event) => setScheduledOn(event.currentTarget.value)}
            error={errors.scheduledOn}
            w={220}
          />
          <TagsInput
            label={t('fields.participants')}
            description={t('form.tagsHint')}
            value={participants}
            onChange={setParticipants}
            error={errors.participants}
            clearable
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
            <Button type="submit" loading={create.isPending}>
              {t('plan.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
