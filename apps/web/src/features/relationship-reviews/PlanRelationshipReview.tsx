import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { reviewTriggers } from '@rapport/contracts';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import type { ReviewTrigger } from '../approach-reviews/review.queries';
import { relationshipReviewPath, usePlanRelationshipReview } from './relationship-review.queries';

interface Props {
  relationship: { id: string; name: string; nextReviewOn: string | null };
  opened: boolean;
  onClose: () => void;
}

const fields = ['title', 'trigger', 'triggerNote', 'scheduledOn', 'periodFrom', 'periodTo'];

/**
 * Plans a review of one relationship: when, and what prompted it. The period defaults on the server to the time
 * since the last review held (or the start) up to the planned date.
 */
export function PlanRelationshipReviewModal({ relationship, opened, onClose }: Props) {
  const { t } = useTranslation(['improvement', 'reviews', 'common']);
  const navigate = useNavigate();
  const plan = usePlanRelationshipReview(relationship.id);
  const [title, setTitle] = useState('');
  const [trigger, setTrigger] = useState<ReviewTrigger>('periodic');
  const [triggerNote, setTriggerNote] = useState('');
  const [scheduledOn, setScheduledOn] = useState('');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setTitle(t('plan.defaultTitle', { name: relationship.name }));
    setTrigger('periodic');
    setTriggerNote('');
    setScheduledOn(relationship.nextReviewOn ?? dayjs().format('YYYY-MM-DD'));
    setPeriodFrom('');
    setPeriodTo('');
    setErrors({});
    setGeneral(null);
  }, [opened, relationship.name, relationship.nextReviewOn, t]);

  const submit = () => {
    const local: FieldErrors = {};
    if (!title.trim()) local.title = t('common:validation.required');
    if (periodFrom && periodTo && periodTo < periodFrom) local.periodTo = t('form.periodOrder');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    const body = {
      title: title.trim(),
      trigger,
      triggerNote,
      scheduledOn: scheduledOn || null,
      ...(periodFrom && { periodFrom }),
      ...(periodTo && { periodTo }),
    };
    plan.mutate(body, {
      onSuccess: (review) => {
        onClose();
        void navigate(relationshipReviewPath(review.id));
      },
      onError: (error) => {
        const described = describeSubmitError(error, fields, body);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('plan.title', { name: relationship.name })} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('reviews:fields.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('reviews:fields.trigger')}
              data={reviewTriggers.map((value) => ({ value, label: t(`reviews:trigger.${value}`) }))}
              value={trigger}
              onChange={(value) => value && setTrigger(value as ReviewTrigger)}
              allowDeselect={false}
              error={errors.trigger}
            />
            <TextInput
              type="date"
              label={t('reviews:fields.scheduledOn')}
              value={scheduledOn}
              onChange={(event) => setScheduledOn(event.currentTarget.value)}
              error={errors.scheduledOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('reviews:fields.triggerNote')}
            description={t('reviews:form.triggerNoteHint')}
            value={triggerNote}
            onChange={(event) => setTriggerNote(event.currentTarget.value)}
            error={errors.triggerNote}
            autosize
            minRows={2}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('fields.periodFrom')}
              description={t('plan.periodFromHint')}
              value={periodFrom}
              onChange={(event) => setPeriodFrom(event.currentTarget.value)}
              error={errors.periodFrom}
            />
            <TextInput
              type="date"
              label={t('fields.periodTo')}
              description={t('plan.periodToHint')}
              value={periodTo}
              onChange={(event) => setPeriodTo(event.currentTarget.value)}
              error={errors.periodTo}
            />
          </SimpleGrid>
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={plan.isPending}>
              {t('plan.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Plan a review" on a relationship's page. */
export function PlanRelationshipReviewButton({
  relationship,
}: {
  relationship: { id: string; name: string; nextReviewOn: string | null };
}) {
  const { t } = useTranslation(['improvement']);
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button variant="default" onClick={open}>
        {t('plan.button')}
      </Button>
      <PlanRelationshipReviewModal relationship={relationship} opened={opened} onClose={close} />
    </>
  );
}
