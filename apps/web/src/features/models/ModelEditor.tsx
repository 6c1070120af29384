import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  type FieldError,
  type RelationshipModel,
  RelationshipModelCreate,
  RelationshipModelPatch,
} from '@rapport/contracts';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api';
import { issueMessage, problemText } from '../../app/forms';
import { CadenceFields } from './CadenceFields';
import { CommunalityFields } from './CommunalityFields';
import { HealthWeightsField } from './HealthWeightsField';
import { JourneyEditor } from './JourneyEditor';
import { ModelBasicsFields } from './ModelBasicsFields';
import { type ErrorPath, formPathOf, parsePath, ruleOf, stepsWithErrors } from './model.errors';
import {
  type BuiltModel,
  buildModel,
  type ModelFormValues,
  modelValues,
  patchOf,
  weightSum,
} from './model.form';
import { useCreateModel, useUpdateModel } from './model.mutations';
import { depsOf, Stable } from './Stable';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

interface Props {
  initialValues: ModelFormValues;
  /** The model being edited; none when creating one. */
  model?: RelationshipModel;
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

export function ModelEditor({ initialValues, model: initialModel }: Props) {
  const { t } = useTranslation(['models', 'common']);
  const navigate = useNavigate();
  const form = useForm<ModelFormValues>({ mode: 'controlled', initialValues });
  const [model, setModel] = useState(initialModel);
  const [selectedStep, setSelectedStep] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<RelationshipModel | null>(null);
  const create = useCreateModel();
  const update = useUpdateModel();
  // Read when a navigation starts: after a save the page is left without asking.
  const leaving = useRef(false);
  const latestForm = useRef(form);
  latestForm.current = form;
  const dirty = useCallback(() => !leaving.current && latestForm.current.isDirty(), []);
  const values = form.getValues();

  /** Puts each error on its input and opens the first step with one; the rest go in the summary. */
  const showErrors = (errors: { path: ErrorPath; message: string }[], built: BuiltModel) => {
    const fields: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const { path, message } of errors) {
      const field = formPathOf(path, built.origins);
      if (!(String(path[0] ?? '') in values)) {
        unplaced.push(path.length ? `${field}: ${message}` : message);
        continue;
      }
      fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
    }
    form.setErrors(fields);
    const [firstStep] = [...stepsWithErrors(Object.keys(fields))].sort((a, b) => a - b);
    if (firstStep !== undefined) setSelectedStep(firstStep);
    setFailure([t('editor.fixErrors'), ...unplaced].join(' '));
  };

  const ruleMessage = (path: ErrorPath, message: string, fallback: string) => {
    const rule = ruleOf(path, message);
    if (rule === 'weightSum') return t('errors.weightSum', { sum: weightSum(values.healthWeights) });
    return rule ? t(`errors.${rule}`) : fallback;
  };

  const saved = (result: RelationshipModel) => {
    leaving.current = true;
    notifications.show({ color: 'green', message: model ? t('editor.saved') : t('editor.created') });
    void navigate(`/approach/models/${result.id}`);
  };

  const submit = form.onSubmit(async (current) => {
    setFailure(null);
    setConflict(null);
    form.clearErrors();
    const built = buildModel(current);
    const request = model ? patchOf(built.body, model, current.changeNote) : built.body;
    const parsed = model
      ? RelationshipModelPatch.safeParse(request)
      : RelationshipModelCreate.safeParse(request);
    if (!parsed.success) {
      showErrors(
        parsed.error.issues.map((issue) => ({
          path: issue.path,
          message: ruleMessage(issue.path, issue.message, issueMessage(issue)),
        })),
        built,
      );
      return;
    }
    try {
      if (!model) return saved(await create.mutateAsync(parsed.data as RelationshipModelCreate));
      if (Object.keys(parsed.data).length === 0) return saved(model);
      saved(await update.mutateAsync({ id: model.id, version: model.version, patch: parsed.data }));
    } catch (error) {
      if (isApiError(error, 409) && error.problem?.current) {
        setConflict(error.problem.current as RelationshipModel);
        return;
      }
      const fieldErrors: FieldError[] = isApiError(error) ? error.fieldErrors : [];
      if (fieldErrors.length === 0) {
        setFailure(problemText(error));
        return;
      }
      showErrors(
        fieldErrors.map(({ path, message }) => {
          const parts = parsePath(path);
          return { path: parts, message: ruleMessage(parts, message, message) };
        }),
        built,
      );
    }
  });

  const loadLatest = () => {
    if (!conflict) return;
    const latest = modelValues(conflict);
    setModel(conflict);
    form.setValues(latest);
    form.resetDirty(latest);
    form.clearErrors();
    setConflict(null);
  };

  const agreedNumber = model?.status === 'agreed' ? model.currentVersion : null;
  const draftBesideAgreed = model?.status === 'draft' && model.agreedVersion !== null;

  return (
    <form onSubmit={submit} noValidate>
      <UnsavedChangesGuard when={dirty} />
      <Stack gap="lg">
        {agreedNumber !== null && (
          <Alert color="blue" variant="light" title={t('editor.newVersionTitle')}>
            {t('editor.newVersionBody', { agreed: agreedNumber, next: agreedNumber + 1 })}
          </Alert>
        )}
        {draftBesideAgreed && (
          <Alert color="gray" variant="light">
            {t('editor.editingDraft', { number: model.currentVersion, agreed: model.agreedVersion })}
          </Alert>
        )}
        {conflict && (
          <Alert color="orange" variant="light" title={t('editor.conflictTitle')} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('editor.conflictBody')}</Text>
              <Button size="xs" color="orange" onClick={loadLatest}>
                {t('editor.loadLatest')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Section title={t('editor.basics')}>
          <Stable
            deps={depsOf(
              [
                values.name,
                values.relationshipType,
                values.groupIds,
                values.nextReviewOn,
                values.description,
              ],
              form.errors,
              ['name', 'relationshipType', 'groupIds', 'nextReviewOn', 'description'],
            )}
            render={() => <ModelBasicsFields form={form} />}
          />
        </Section>
        <Section title={t('editor.journey')} description={t('editor.journeyHint')}>
          <JourneyEditor form={form} selected={selectedStep} onSelect={setSelectedStep} />
        </Section>
        <Section title={t('editor.communality')} description={t('editor.communalityHint')}>
          <Stable
            deps={depsOf(values.communality, form.errors, ['communality'])}
            render={() => <CommunalityFields form={form} />}
          />
        </Section>
        <Section title={t('editor.cadence')}>
          <Stable
            deps={depsOf(
              [values.contactEveryDays, values.contactEveryDaysByQuadrant, values.reviewEveryDays],
              form.errors,
              ['contactEveryDays', 'contactEveryDaysByQuadrant', 'reviewEveryDays'],
            )}
            render={() => <CadenceFields form={form} />}
          />
          <Stable
            deps={depsOf(values.healthWeights, form.errors, ['healthWeights'])}
            render={() => <HealthWeightsField form={form} />}
          />
        </Section>
        {model && (
          <Textarea
            {...form.getInputProps('changeNote')}
            label={t('fields.changeNote')}
            description={t('editor.changeNoteHint')}
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => void navigate(model ? `/approach/models/${model.id}` : '/approach/models')}
          >
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {!model
              ? t('editor.create')
              : agreedNumber !== null
                ? t('editor.saveNewVersion')
                : t('editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
