import {
  Alert,
  Button,
  Container,
  Group,
  Loader,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  type Locale,
  locales,
  type PublicAnswer,
  type PublicSurvey,
  type SurveyQuestion,
} from '@rapport/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../app/api';
import i18n, { applyLocale, isLocale } from '../../app/i18n';
import { useAnswerSurvey } from './survey.mutations';
import { type PublicState, publicStateOf, usePublicSurvey } from './survey.queries';

const languageNames: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

type Values = Record<string, string>;

/** A row of numbered choices that wraps on a phone, with the meaning of both ends under it. */
function ScaleField({
  name,
  label,
  values,
  low,
  high,
  value,
  onChange,
  error,
  required,
}: {
  name: string;
  label: string;
  values: string[];
  low?: string;
  high?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}) {
  return (
    <Radio.Group
      name={name}
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
    >
      <SimpleGrid cols={{ base: Math.min(values.length, 6), xs: values.length }} spacing={6} mt="xs">
        {values.map((option) => (
          <Radio.Card key={option} value={option} radius="md" p={8} aria-label={option}>
            <Text ta="center" fw={600}>
              {option}
            </Text>
          </Radio.Card>
        ))}
      </SimpleGrid>
      {(low || high) && (
        <Group justify="space-between" mt={4} aria-hidden>
          <Text size="xs" c="dimmed">
            {low}
          </Text>
          <Text size="xs" c="dimmed">
            {high}
          </Text>
        </Group>
      )}
    </Radio.Group>
  );
}

function QuestionField({
  question,
  value,
  onChange,
  error,
}: {
  question: SurveyQuestion;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation(['surveys']);
  const label = question.required ? question.label : `${question.label} (${t('public.optional')})`;
  if (question.type === 'text')
    return (
      <Textarea
        label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        autosize
        minRows={2}
        maxLength={2000}
      />
    );
  if (question.type === 'scale_1_5')
    return (
      <ScaleField
        name={`q-${question.key}`}
        label={label}
        values={range(1, 5)}
        value={value}
        onChange={onChange}
        error={error}
      />
    );
  return (
    <Radio.Group name={`q-${question.key}`} label={label} value={value} onChange={onChange} error={error}>
      <Stack gap="xs" mt="xs">
        {question.options.map((option) => (
          <Radio key={option} value={option} label={option} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

function LanguageChoice() {
  const { t, i18n: current } = useTranslation(['surveys']);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('public.language')}
      value={
        isLocale(current.language)
          ? current.language
          : isLocale(current.resolvedLanguage)
            ? current.resolvedLanguage
            : 'en'
      }
      data={locales.map((locale) => ({ value: locale, label: languageNames[locale] }))}
      onChange={(value) => {
        if (isLocale(value)) void applyLocale(value);
      }}
    />
  );
}

function Notice({ state, organisation }: { state: PublicState | 'thanks'; organisation?: string }) {
  const { t } = useTranslation(['surveys']);
  const text = {
    thanks: [t('public.thanksTitle'), t('public.thanksBody')],
    answered: [t('public.answeredTitle'), t('public.answeredBody')],
    expired: [t('public.expiredTitle'), t('public.expiredBody')],
    closed: [t('public.closedTitle'), t('public.closedBody')],
    notFound: [t('public.notFoundTitle'), t('public.notFoundBody')],
    tooMany: [t('public.errorTitle'), t('public.tooMany')],
    error: [t('public.errorTitle'), t('public.errorBody')],
  }[state];
  return (
    <Paper withBorder radius="md" p="xl" role="status" data-state={state}>
      <Stack gap="sm" ta="center">
        <Title order={1} size="h2">
          {text[0]}
        </Title>
        <Text>{text[1]}</Text>
        {organisation && (
          <Text size="sm" c="dimmed">
            {organisation}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function SurveyForm({
  token,
  survey,
  onDone,
}: {
  token: string;
  survey: PublicSurvey;
  onDone: (state: PublicState | 'thanks') => void;
}) {
  const { t } = useTranslation(['surveys']);
  const answer = useAnswerSurvey(token);
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (key: string) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const satisfaction = survey.kind === 'satisfaction';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    const main = satisfaction ? 'csat' : 'score';
    if (!values[main]) missing[main] = t('public.required');
    for (const question of survey.questions)
      if (question.required && !(values[`answers.${question.key}`] ?? '').trim())
        missing[`answers.${question.key}`] = t('public.required');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    const answers: PublicAnswer['answers'] = {};
    for (const question of survey.questions) {
      const value = (values[`answers.${question.key}`] ?? '').trim();
      if (value !== '') answers[question.key] = question.type === 'scale_1_5' ? Number(value) : value;
    }
    const body: PublicAnswer = {
      comment: values.comment ?? '',
      answers,
      ...(satisfaction
        ? { csat: Number(values.csat), ...(values.nps ? { nps: Number(values.nps) } : {}) }
        : { score: Number(values.score) }),
    };
    setFailure(null);
    answer.mutate(body, {
      onSuccess: () => onDone('thanks'),
      onError: (error) => {
        if (isApiError(error, 422) || isApiError(error, 400)) {
          setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.path, e.message])));
          return;
        }
        const state = publicStateOf(error);
        if (state === 'error' || state === 'tooMany')
          setFailure(state === 'tooMany' ? t('public.tooMany') : t('public.errorBody'));
        else onDone(state);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={survey.title}>
      <Stack gap="lg">
        {satisfaction ? (
          <>
            <ScaleField
              name="csat"
              label={t('public.csat')}
              values={range(1, 5)}
              low={t('public.csatLow')}
              high={t('public.csatHigh')}
              value={values.csat ?? ''}
              onChange={set('csat')}
              error={errors.csat}
              required
            />
            <ScaleField
              name="nps"
              label={`${t('public.nps')} (${t('public.optional')})`}
              values={range(0, 10)}
              low={t('public.npsLow')}
              high={t('public.npsHigh')}
              value={values.nps ?? ''}
              onChange={set('nps')}
              error={errors.nps}
            />
          </>
        ) : (
          <ScaleField
            name="score"
            label={t('public.score')}
            values={range(1, 5)}
            low={t('public.scoreLow')}
            high={t('public.scoreHigh')}
            value={values.score ?? ''}
            onChange={set('score')}
            error={errors.score}
            required
          />
        )}
        {survey.questions.map((question) => (
          <QuestionField
            key={question.key}
            question={question}
            value={values[`answers.${question.key}`] ?? ''}
            onChange={set(`answers.${question.key}`)}
            error={errors[`answers.${question.key}`]}
          />
        ))}
        <Textarea
          label={`${t('public.comment')} (${t('public.optional')})`}
          value={values.comment ?? ''}
          onChange={(event) => set('comment')(event.currentTarget.value)}
          error={errors.comment}
          autosize
          minRows={3}
          maxLength={2000}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Button type="submit" size="md" fullWidth loading={answer.isPending}>
          {t('public.submit')}
        </Button>
        <Text size="xs" c="dimmed" ta="center">
          {t('public.privacy', { organisation: survey.organisation })}
        </Text>
      </Stack>
    </form>
  );
}

/** The page a survey link opens: no account, English or Chinese, made for a phone first. */
export default function PublicSurveyPage() {
  const { t } = useTranslation(['surveys']);
  const { token = '' } = useParams();
  const survey = usePublicSurvey(token);
  const [done, setDone] = useState<PublicState | 'thanks' | null>(null);
  const hinted = useRef(false);

  // The survey's language, unless this browser already chose one.
  useEffect(() => {
    const hint = survey.data?.locale;
    if (hinted.current || !hint) return;
    hinted.current = true;
    let chosen: string | null = null;
    try {
      chosen = window.localStorage.getItem('rapport.locale');
    } catch {
      chosen = null;
    }
    if (!chosen && i18n.resolvedLanguage !== hint) void i18n.changeLanguage(hint);
  }, [survey.data?.locale]);

  return (
    <Container size={560} px="md" py="lg">
      <Group justify="flex-end" mb="md">
        <LanguageChoice />
      </Group>
      {survey.isPending ? (
        <Stack align="center" py="xl" role="status">
          <Loader />
          <Text c="dimmed">{t('public.loading')}</Text>
        </Stack>
      ) : survey.isError ? (
        <Notice state={publicStateOf(survey.error)} />
      ) : done ? (
        <Notice state={done} organisation={survey.data.organisation} />
      ) : (
        <Stack gap="lg">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t('public.from', { organisation: survey.data.organisation })}
            </Text>
            <Title order={1} size="h2">
              {survey.data.title}
            </Title>
            <Text size="sm">{t('public.for', { name: survey.data.stakeholderName })}</Text>
          </Stack>
          <Alert
            color={survey.data.anonymity === 'anonymous' ? 'violet' : 'blue'}
            variant="light"
            data-testid="survey-privacy"
            title={t(`public.${survey.data.anonymity}Title`)}
          >
            {t(`public.${survey.data.anonymity}`, {
              organisation: survey.data.organisation,
              k: survey.data.minAnswers,
            })}
          </Alert>
          {survey.data.intro && <Text style={{ whiteSpace: 'pre-wrap' }}>{survey.data.intro}</Text>}
          <SurveyForm token={token} survey={survey.data} onDone={setDone} />
        </Stack>
      )}
    </Container>
  );
}
