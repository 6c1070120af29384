import {
  Alert,
  Button,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { reviewStatuses, reviewTriggers } from '@rapport/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewCoreValues } from './review-values';
import type { ReviewEditor, ReviewInputProps } from './useReviewEditor';

type Input = (field: keyof ReviewCoreValues) => ReviewInputProps;

interface FrameProps<V extends ReviewCoreValues> {
  editor: ReviewEditor<V>;
  readOnly: boolean;
  /** The accessible name of the form, when the page needs one. */
  label?: string;
  /** The text of the button that saves the review as held. */
  doneLabel: string;
  children: ReactNode;
}

/** The form around a review's fields: the conflict notice, the failure message and the buttons. */
export function ReviewFormFrame<V extends ReviewCoreValues>({
  editor,
  readOnly,
  label,
  doneLabel,
  children,
}: FrameProps<V>) {
  const { t } = useTranslation(['reviews', 'common']);
  return (
    <form onSubmit={editor.form.onSubmit(editor.save)} noValidate aria-label={label}>
      <Stack gap="lg">
        {editor.conflict && (
          <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('form.conflictBody')}</Text>
              <Button size="xs" color="orange" onClick={editor.loadLatest}>
                {t('form.loadLatest')}
              </Button>
            </Stack>
          </Alert>
        )}
        {children}
        {editor.failure && (
          <Alert color="red" variant="light" role="alert">
            {editor.failure}
          </Alert>
        )}
        {!readOnly && (
          <Group justify="flex-end">
            {editor.base.status === 'planned' && (
              <Button variant="light" color="green" onClick={editor.markDone} loading={editor.pending}>
                {doneLabel}
              </Button>
            )}
            <Button type="submit" loading={editor.pending}>
              {t('common:actions.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

interface PlanningProps {
  input: Input;
  readOnly: boolean;
  triggerNoteRows: number;
  /** Date inputs of the form's own, shown before the scheduled and held dates. */
  extraDates?: ReactNode;
}

/** Title, trigger, status, dates and participants. */
export function ReviewPlanningFields({ input, readOnly, triggerNoteRows, extraDates }: PlanningProps) {
  const { t } = useTranslation(['reviews']);
  return (
    <Fieldset legend={t('form.planning')}>
      <Stack>
        <TextInput label={t('fields.title')} required {...input('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.trigger')}
            data={reviewTriggers.map((value) => ({ value, label: t(`trigger.${value}`) }))}
            allowDeselect={false}
            {...input('trigger')}
          />
          <Select
            label={t('fields.status')}
            data={reviewStatuses.map((value) => ({ value, label: t(`status.${value}`) }))}
            allowDeselect={false}
            {...input('status')}
          />
        </SimpleGrid>
        <Textarea
          label={t('fields.triggerNote')}
          autosize
          minRows={triggerNoteRows}
          {...input('triggerNote')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {extraDates}
          <TextInput type="date" label={t('fields.scheduledOn')} {...input('scheduledOn')} />
          <TextInput
            type="date"
            label={t('fields.heldOn')}
            description={t('form.heldOnHint')}
            {...input('heldOn')}
          />
        </SimpleGrid>
        <TagsInput
          label={t('fields.participants')}
          description={readOnly ? undefined : t('form.tagsHint')}
          {...input('participants')}
        />
      </Stack>
    </Fieldset>
  );
}

interface OutcomeProps {
  input: Input;
  readOnly: boolean;
  /** Rows of the decisions and lessons-learned boxes. */
  textRows: number;
  effectiveLabel: string;
  afterFindings?: ReactNode;
  afterLessons?: ReactNode;
}

/** Findings, decisions, lessons learned, whether it is effective and who was told. */
export function ReviewOutcomeFields({
  input,
  readOnly,
  textRows,
  effectiveLabel,
  afterFindings,
  afterLessons,
}: OutcomeProps) {
  const { t } = useTranslation(['reviews']);
  const { readOnly: _radioGroupHasNoReadOnly, ...effective } = input('effective');
  return (
    <Fieldset legend={t('form.outcome')}>
      <Stack>
        <Textarea
          label={t('fields.findings')}
          description={t('form.findingsHint')}
          autosize
          minRows={3}
          {...input('findings')}
        />
        {afterFindings}
        <Textarea label={t('fields.decisions')} autosize minRows={textRows} {...input('decisions')} />
        <Textarea
          label={t('fields.lessonsLearned')}
          autosize
          minRows={textRows}
          {...input('lessonsLearned')}
        />
        {afterLessons}
        <Radio.Group label={effectiveLabel} {...effective}>
          <Group mt={4}>
            <Radio value="yes" label={t('effective.yes')} disabled={readOnly} />
            <Radio value="no" label={t('effective.no')} disabled={readOnly} />
            <Radio value="undecided" label={t('effective.undecided')} disabled={readOnly} />
          </Group>
        </Radio.Group>
        <TagsInput
          label={t('fields.communicatedTo')}
          description={readOnly ? undefined : t('form.communicatedHint')}
          {...input('communicatedTo')}
        />
      </Stack>
    </Fieldset>
  );
}
