import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { interactionKinds } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/forms';
import { useUserOptions } from '../admin/user.queries';
import { useCurrentUser } from '../auth/auth.queries';
import { CommunicationPrinciples } from './CommunicationPrinciples';
import { FollowUpsField } from './FollowUpsField';
import {
  checkInteractionForm,
  emptyInteractionForm,
  type InteractionFormValues,
  interactionBody,
  interactionSubmitErrors,
} from './interaction.form';
import { kindSymbol } from './interaction.kinds';
import { useLogInteraction } from './interaction.mutations';
import { SentimentField } from './SentimentField';
import { StakeholderParticipantsField } from './StakeholderParticipantsField';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** With a relationship, the interaction counts as its contact; without, it is logged with the stakeholder. */
  relationshipId: string | null;
  stakeholderId: string | null;
}

export function LogInteractionModal({ opened, onClose, relationshipId, stakeholderId }: Props) {
  const { t } = useTranslation(['interactions', 'common']);
  const me = useCurrentUser();
  const users = useUserOptions();
  const log = useLogInteraction();
  const [values, setValues] = useState<InteractionFormValues>(emptyInteractionForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setValues(emptyInteractionForm());
    setErrors({});
    setGeneral(null);
  }, [opened]);

  const set = <K extends keyof InteractionFormValues>(field: K, value: InteractionFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = () => {
    const found = checkInteractionForm(values, t('common:validation.required'));
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length > 0) return;
    log.mutate(interactionBody(values, { relationshipId, stakeholderId }), {
      onSuccess: onClose,
      onError: (error) => {
        const described = interactionSubmitErrors(error);
        setErrors(described.fields);
        setGeneral(described.general);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('form.title')} size="xl">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <CommunicationPrinciples />
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('form.kind')}
              data={interactionKinds.map((kind) => ({
                value: kind,
                label: `${kindSymbol[kind]} ${t(`kind.${kind}`)}`,
              }))}
              value={values.kind}
              onChange={(kind) => kind && set('kind', kind as InteractionFormValues['kind'])}
              allowDeselect={false}
              error={errors.kind}
              required
              data-autofocus
            />
            <TextInput
              type="datetime-local"
              label={t('form.occurredAt')}
              description={t('form.occurredAtHint')}
              value={values.occurredAt}
              onChange={(event) => set('occurredAt', event.currentTarget.value)}
              error={errors.occurredAt}
              required
            />
          </Group>
          <Textarea
            label={t('form.summary')}
            description={t('form.summaryHint')}
            value={values.summary}
            onChange={(event) => set('summary', event.currentTarget.value)}
            error={errors.summary}
            autosize
            minRows={3}
          />
          <SentimentField
            value={values.sentiment}
            onChange={(v) => set('sentiment', v)}
            error={errors.sentiment}
          />
          <MultiSelect
            label={t('form.participantUsers')}
            data={(users.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
            value={values.participantUserIds}
            onChange={(ids) => set('participantUserIds', ids)}
            error={errors.participantUserIds}
            searchable
          />
          <StakeholderParticipantsField
            value={values.participantStakeholderIds}
            onChange={(ids) => set('participantStakeholderIds', ids)}
            error={errors.participantStakeholderIds}
          />
          <Switch
            label={t('form.confidential')}
            description={
              relationshipId ? t('form.confidentialRelationship') : t('form.confidentialStakeholder')
            }
            checked={values.confidential}
            onChange={(event) => set('confidential', event.currentTarget.checked)}
            error={errors.confidential}
          />
          <FollowUpsField
            value={values.followUps}
            onChange={(rows) => set('followUps', rows)}
            defaultOwnerId={me.id}
            errors={errors}
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
            <Button type="submit" loading={log.isPending}>
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
