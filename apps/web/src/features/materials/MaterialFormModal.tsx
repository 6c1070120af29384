import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type Material, type MaterialPatch, type Role, roles } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { MarkdownEditor } from '../principles/MarkdownEditor';
import { usePrincipleOptions } from '../principles/principle.queries';
import { useCreateMaterial, useUpdateMaterial } from './material.mutations';
import { materialKeys, useModelOptions } from './material.queries';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The material to edit; without it a new one is created. */
  material?: Material;
  /** A new material starts attached to this principle (from the principle's page). */
  principleId?: string | null;
  /** Attaches a new material to this model (from the model's page). */
  modelId?: string | null;
  onSaved?: (material: Material) => void;
}

type Kind = Material['kind'];

interface Values {
  title: string;
  kind: Kind;
  url: string;
  body: string;
  principleId: string | null;
  modelId: string | null;
  audience: Role[];
}

const fields = ['title', 'kind', 'url', 'body', 'principleId', 'modelId', 'audience'];

const valuesOf = (material?: Material, principleId?: string | null, modelId?: string | null): Values => ({
  title: material?.title ?? '',
  kind: material?.kind ?? 'markdown',
  url: material?.url ?? '',
  body: material?.body ?? '',
  principleId: material?.principleId ?? principleId ?? null,
  modelId: material?.modelId ?? modelId ?? null,
  audience: material?.audience ?? ['relationship_manager', 'relationship_agent'],
});

/** The fields as the API takes them: a link has no text to read and Markdown no address. */
function bodyOf(values: Values) {
  return {
    title: values.title.trim(),
    kind: values.kind,
    url: values.kind === 'link' ? values.url.trim() || null : null,
    body: values.kind === 'markdown' ? values.body : '',
    principleId: values.principleId,
    modelId: values.modelId,
    audience: values.audience,
  };
}

function patchOf(values: Values, material: Material): MaterialPatch {
  const next = bodyOf(values);
  const patch: MaterialPatch = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(material[key]))
      Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}

export function MaterialFormModal({ opened, onClose, material, principleId, modelId, onSaved }: Props) {
  const { t } = useTranslation(['materials', 'enums', 'common']);
  const create = useCreateMaterial();
  const update = useUpdateMaterial();
  const principles = usePrincipleOptions();
  const models = useModelOptions();
  const [values, setValues] = useState<Values>(valuesOf(material, principleId, modelId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  /** The material as someone else saved it meanwhile; the user's own edits stay until they load it. */
  const [latest, setLatest] = useState<Material | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!opened) return;
    setValues(valuesOf(material, principleId, modelId));
    setErrors({});
    setGeneral(null);
    setLatest(null);
  }, [opened, material, principleId, modelId]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = () => {
    const local: FieldErrors = {};
    if (!values.title.trim()) local.title = t('common:validation.required');
    if (values.kind === 'link' && !values.url.trim()) local.url = t('common:validation.required');
    if (values.audience.length === 0) local.audience = t('form.audienceRequired');
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const handlers = {
      onSuccess: (saved: Material) => {
        // Closed first: closing may change the address, and onSaved may then go to another page.
        onClose();
        onSaved?.(saved);
      },
      onError: (error: unknown) => {
        if (isApiError(error, 409) && error.problem?.current) {
          setLatest(error.problem.current as Material);
          return;
        }
        const described = describeSubmitError(error, fields, { ...values });
        setErrors(described.fields);
        setGeneral(described.general);
      },
    };
    if (!material) {
      create.mutate(bodyOf(values), handlers);
      return;
    }
    const patch = patchOf(values, material);
    if (Object.keys(patch).length === 0) onClose();
    else update.mutate({ id: material.id, version: material.version, patch }, handlers);
  };

  const principleOptions = (principles.data ?? []).map((p) => ({ value: p.id, label: p.title }));
  const modelOptions = (models.data ?? []).map((m) => ({ value: m.id, label: m.name }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={material ? t('form.editTitle') : t('form.newTitle')}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          {material && (
            <Text size="sm" c="dimmed">
              {t('form.revisionHint', { revision: material.revision })}
            </Text>
          )}
          <TextInput
            label={t('fields.title')}
            value={values.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
          />
          <Radio.Group
            label={t('fields.kind')}
            value={values.kind}
            onChange={(value) => set('kind', value as Kind)}
            error={errors.kind}
          >
            <Group mt={4}>
              <Radio value="markdown" label={t('kind.markdown')} />
              <Radio value="link" label={t('kind.link')} />
            </Group>
          </Radio.Group>
          {values.kind === 'link' ? (
            <TextInput
              type="url"
              label={t('fields.url')}
              description={t('form.urlHint')}
              placeholder="https://"
              value={values.url}
              onChange={(event) => set('url', event.currentTarget.value)}
              error={errors.url}
              required
            />
          ) : (
            <MarkdownEditor
              label={t('fields.body')}
              value={values.body}
              onChange={(body) => set('body', body)}
              error={errors.body}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('fields.principle')}
              placeholder={t('form.none')}
              data={principleOptions}
              value={values.principleId}
              onChange={(value) => set('principleId', value)}
              error={errors.principleId}
              searchable
              clearable
              nothingFoundMessage={t('form.noPrinciple')}
            />
            <Select
              label={t('fields.model')}
              placeholder={t('form.none')}
              data={modelOptions}
              value={values.modelId}
              onChange={(value) => set('modelId', value)}
              error={errors.modelId}
              searchable
              clearable
              nothingFoundMessage={t('form.noModel')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('fields.audience')}
            description={t('form.audienceHint')}
            value={values.audience}
            onChange={(value) => set('audience', value as Role[])}
            error={errors.audience}
          >
            <Group mt={4}>
              {roles.map((role) => (
                <Checkbox key={role} value={role} label={t(`enums:role.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {latest && (
            <Alert color="orange" variant="light" title={t('form.conflictTitle')} role="alert">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('form.conflictBody')}</Text>
                <Button
                  size="xs"
                  color="orange"
                  onClick={() => queryClient.setQueryData(materialKeys.detail(latest.id), latest)}
                >
                  {t('form.loadLatest')}
                </Button>
              </Stack>
            </Alert>
          )}
          {general && (
            <Alert color="red" variant="light" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {material ? t('common:actions.save') : t('form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
