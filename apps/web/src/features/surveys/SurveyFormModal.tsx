import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  defaultAnonymity,
  MIN_ANSWERS_DEFAULT,
  MIN_ANSWERS_FLOOR,
  questionTypes,
  type Survey,
  SurveyCreate,
  type SurveyQuestion,
  surveyAnonymities,
  surveyKinds,
} from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors, zodFieldErrors } from '../../app/forms';
import { useCreateSurvey, useUpdateSurvey } from './survey.mutations';
import { surveyKeys } from './survey.queries';

interface Values {
  kind: Survey['kind'];
  title: string;
  intro: string;
  locale: string;
  lowScoreThreshold: number | '';
  expiresAfterDays: number | '';
  anonymity: Survey['anonymity'];
  minAnswers: number | '';
  questions: SurveyQuestion[];
}

const blank: Values = {
  kind: 'satisfaction',
  title: '',
  intro: '',
  locale: '',
  lowScoreThreshold: 2,
  expiresAfterDays: 30,
  anonymity: defaultAnonymity('satisfaction'),
  minAnswers: MIN_ANSWERS_DEFAULT,
  questions: [],
};

const valuesOf = (survey: Survey): Values => ({
  kind: survey.kind,
  title: survey.title,
  intro: survey.intro,
  locale: survey.locale ?? '',
  lowScoreThreshold: survey.lowScoreThreshold ?? '',
  expiresAfterDays: survey.expiresAfterDays,
  anonymity: survey.anonymity,
  minAnswers: survey.minAnswers,
  questions: survey.questions,
});

const fields = [
  'kind',
  'title',
  'intro',
  'locale',
  'lowScoreThreshold',
  'expiresAfterDays',
  'anonymity',
  'minAnswers',
  'questions',
];

function QuestionsEditor({
  value,
  onChange,
  disabled,
  error,
}: {
  value: SurveyQuestion[];
  onChange: (value: SurveyQuestion[]) => void;
  disabled: boolean;
  error?: string;
}) {
  const { t } = useTranslation(['surveys']);
  const change = (index: number, patch: Partial<SurveyQuestion>) =>
    onChange(value.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  return (
    <Fieldset legend={t('fields.questions')} disabled={disabled}>
      <Stack gap="sm">
        {disabled && (
          <Text size="sm" c="dimmed">
            {t('form.questionsFrozen')}
          </Text>
        )}
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('form.noQuestions')}
          </Text>
        )}
        {value.map((question, index) => (
          <Fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: questions are edited in place, keys may change
            key={index}
            legend={t('form.questionLegend', { index: index + 1 })}
            variant="filled"
          >
            <Stack gap="xs">
              <Group grow align="flex-start">
                <TextInput
                  label={t('form.questionLabel')}
                  value={question.label}
                  onChange={(e) => change(index, { label: e.currentTarget.value })}
                  required
                />
                <TextInput
                  label={t('form.questionKey')}
                  description={t('form.questionKeyHint')}
                  value={question.key}
                  onChange={(e) => change(index, { key: e.currentTarget.value })}
                  required
                  maw={180}
                />
              </Group>
              <Group align="flex-end">
                <Select
                  label={t('form.questionType')}
                  data={questionTypes.map((type) => ({ value: type, label: t(`questionType.${type}`) }))}
                  value={question.type}
                  onChange={(type) =>
                    type &&
                    change(index, {
                      type: type as SurveyQuestion['type'],
                      options: type === 'choice' ? question.options : [],
                    })
                  }
                  allowDeselect={false}
                  w={160}
                />
                <Checkbox
                  label={t('form.questionRequired')}
                  checked={question.required}
                  onChange={(e) => change(index, { required: e.currentTarget.checked })}
                  mb={8}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('form.removeQuestion', { index: index + 1 })}
                  onClick={() => onChange(value.filter((_, i) => i !== index))}
                  mb={4}
                >
                  ×
                </ActionIcon>
              </Group>
              {question.type === 'choice' && (
                <TagsInput
                  label={t('form.questionOptions')}
                  description={t('form.questionOptionsHint')}
                  value={question.options}
                  onChange={(options) => change(index, { options })}
                />
              )}
            </Stack>
          </Fieldset>
        ))}
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        {value.length < 20 && (
          <Button
            variant="light"
            onClick={() =>
              onChange([
                ...value,
                { key: `q${value.length + 1}`, label: '', type: 'text', options: [], required: false },
              ])
            }
          >
            {t('form.addQuestion')}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Edit this survey; without it, a new one is created. */
  survey?: Survey;
  onSaved?: (survey: Survey) => void;
  /** Whether invitations were sent (then the questions stay as they were). */
  invited?: boolean;
}

export function SurveyFormModal({ opened, onClose, survey, onSaved, invited = false }: Props) {
  const { t } = useTranslation(['surveys', 'common']);
  const queryClient = useQueryClient();
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const [values, setValues] = useState<Values>(survey ? valuesOf(survey) : blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    if (opened) {
      setValues(survey ? valuesOf(survey) : blank);
      setErrors({});
      setGeneral(null);
    }
  }, [opened, survey]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = {
      kind: values.kind,
      title: values.title,
      intro: values.intro,
      locale: values.locale === '' ? null : (values.locale as Survey['locale']),
      lowScoreThreshold: values.lowScoreThreshold === '' ? null : values.lowScoreThreshold,
      expiresAfterDays: values.expiresAfterDays === '' ? Number.NaN : values.expiresAfterDays,
      anonymity: values.anonymity,
      minAnswers: values.minAnswers === '' ? Number.NaN : values.minAnswers,
      questions: values.questions,
    };
    const parsed = SurveyCreate.safeParse(body);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setGeneral(null);
    const onError = (error: unknown) => {
      if (survey && isApiError(error, 409)) {
        void queryClient.invalidateQueries({ queryKey: surveyKeys.detail(survey.id) });
        setGeneral(t('form.conflict'));
        return;
      }
      const described = describeSubmitError(error, fields);
      setErrors(described.fields);
      setGeneral(described.general);
    };
    const onSuccess = (saved: Survey) => {
      onSaved?.(saved);
      onClose();
    };
    if (survey) {
      const { kind: _kind, ...patch } = parsed.data;
      const { status: _status, ...rest } = patch;
      update.mutate(
        {
          id: survey.id,
          version: survey.version,
          // Once invited, the questions and the anonymity stay what respondents were shown.
          patch: invited ? { ...rest, questions: undefined, anonymity: undefined } : rest,
        },
        { onSuccess, onError },
      );
    } else {
      create.mutate(parsed.data, { onSuccess, onError });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={survey ? t('form.editTitle') : t('form.createTitle')}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('fields.kind')}
            data={surveyKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            value={values.kind}
            onChange={(kind) => {
              if (!kind) return;
              // A new climate survey is anonymous, a satisfaction survey named, unless the author chooses.
              setValues((v) => ({
                ...v,
                kind: kind as Survey['kind'],
                anonymity: defaultAnonymity(kind as Survey['kind']),
              }));
            }}
            disabled={Boolean(survey)}
            allowDeselect={false}
            error={errors.kind}
          />
          <TextInput
            label={t('fields.title')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Textarea
            label={t('fields.intro')}
            description={t('fields.introHint')}
            value={values.intro}
            onChange={(e) => set('intro', e.currentTarget.value)}
            error={errors.intro}
            autosize
            minRows={2}
          />
          <Group grow align="flex-start">
            <Select
              label={t('fields.locale')}
              data={[
                { value: '', label: t('fields.localeBrowser') },
                { value: 'en', label: 'English' },
                { value: 'zh-CN', label: '中文' },
              ]}
              value={values.locale}
              onChange={(locale) => set('locale', locale ?? '')}
              allowDeselect={false}
              error={errors.locale}
            />
            <NumberInput
              label={t('fields.expiresAfterDays')}
              value={values.expiresAfterDays}
              onChange={(value) => set('expiresAfterDays', value === '' ? '' : Number(value))}
              min={1}
              max={365}
              allowDecimal={false}
              error={errors.expiresAfterDays}
            />
            <NumberInput
              label={t('fields.lowScoreThreshold')}
              description={t('fields.lowScoreHint')}
              value={values.lowScoreThreshold}
              onChange={(value) => set('lowScoreThreshold', value === '' ? '' : Number(value))}
              min={1}
              max={5}
              allowDecimal={false}
              error={errors.lowScoreThreshold}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('fields.anonymity')}
              description={
                invited ? t('form.anonymityFrozen') : t(`fields.anonymityHint.${values.anonymity}`)
              }
              data={surveyAnonymities.map((value) => ({ value, label: t(`anonymity.${value}`) }))}
              value={values.anonymity}
              onChange={(value) => value && set('anonymity', value as Survey['anonymity'])}
              disabled={invited}
              allowDeselect={false}
              error={errors.anonymity}
            />
            <NumberInput
              label={t('fields.minAnswers')}
              description={t('fields.minAnswersHint', { floor: MIN_ANSWERS_FLOOR })}
              value={values.minAnswers}
              onChange={(value) => set('minAnswers', value === '' ? '' : Number(value))}
              min={MIN_ANSWERS_FLOOR}
              max={1000}
              // Say why 2 is refused rather than quietly turning it into 3.
              clampBehavior="none"
              allowDecimal={false}
              error={errors.minAnswers}
            />
          </Group>
          <QuestionsEditor
            value={values.questions}
            onChange={(questions) => set('questions', questions)}
            disabled={invited}
            error={errors.questions}
          />
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
