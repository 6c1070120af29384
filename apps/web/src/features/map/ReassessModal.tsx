import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { limits } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { StakeholderPicker } from '../stakeholders/StakeholderPicker';
import { useUpdateStakeholder } from '../stakeholders/stakeholder.mutations';
import { stakeholderKeys, useStakeholder } from '../stakeholders/stakeholder.queries';
import { ScaleRadios } from './ScaleRadios';

export interface ReassessRequest {
  /** Set when a point was dragged: the stakeholder is fixed and the new position prefilled. */
  stakeholderId: string | null;
  influence: number | null;
  interest: number | null;
}

interface Props {
  request: ReassessRequest | null;
  onClose: () => void;
}

/** Re-assesses influence and interest with an optional note; the keyboard way to move a point too. */
export function ReassessModal({ request, onClose }: Props) {
  const { t } = useTranslation(['analysis', 'stakeholders', 'common']);
  const queryClient = useQueryClient();
  const [stakeholderId, setStakeholderId] = useState<string | null>(null);
  const [influence, setInfluence] = useState<number | null>(null);
  const [interest, setInterest] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const stakeholder = useStakeholder(stakeholderId ?? undefined);
  const update = useUpdateStakeholder();
  const fromDrag = Boolean(request?.stakeholderId);

  useEffect(() => {
    if (!request) return;
    setStakeholderId(request.stakeholderId);
    setInfluence(request.influence);
    setInterest(request.interest);
    setNote('');
    update.reset();
  }, [request, update.reset]);

  // Picking a stakeholder with the keyboard form starts from where it is now.
  useEffect(() => {
    if (fromDrag || !stakeholder.data) return;
    setInfluence(stakeholder.data.influence);
    setInterest(stakeholder.data.interest);
  }, [fromDrag, stakeholder.data]);

  const current = stakeholder.data;
  const canSave = Boolean(current && influence && interest && !current.archivedAt);

  const save = () => {
    if (!current || !influence || !interest) return;
    update.mutate(
      {
        id: current.id,
        version: current.version,
        patch: { influence, interest, ...(note.trim() ? { assessmentNote: note.trim() } : {}) },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('reassess.saved', { name: saved.name }) });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 409))
            void queryClient.invalidateQueries({ queryKey: stakeholderKeys.detail(current.id) });
        },
      },
    );
  };

  return (
    <Modal opened={request !== null} onClose={onClose} title={t('reassess.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack>
          {fromDrag ? (
            <Text size="sm">
              {current
                ? t('reassess.moveSummary', {
                    name: current.name,
                    fromInfluence: current.influence,
                    fromInterest: current.interest,
                    toInfluence: influence,
                    toInterest: interest,
                  })
                : t('common:loading')}
            </Text>
          ) : (
            <StakeholderPicker
              label={t('reassess.stakeholder')}
              value={stakeholderId}
              onChange={setStakeholderId}
              required
            />
          )}
          <ScaleRadios label={t('stakeholders:fields.influence')} value={influence} onChange={setInfluence} />
          <ScaleRadios label={t('stakeholders:fields.interest')} value={interest} onChange={setInterest} />
          <Textarea
            label={t('stakeholders:fields.assessmentNote')}
            description={t('stakeholders:form.assessmentNoteHint')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={limits.shortText}
            autosize
            minRows={2}
            data-autofocus={fromDrag || undefined}
          />
          {update.isError && (
            <Alert color="red" role="alert">
              {isApiError(update.error, 409)
                ? t('stakeholders:detail.conflictReloaded')
                : problemText(update.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" disabled={!canSave} loading={update.isPending}>
              {t('reassess.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
