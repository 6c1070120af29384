import { Alert, Button, Group, Modal, Radio, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type ValueChainActivity,
  type ValueChainContribution,
  type ValueChainLevel,
  valueChainLevels,
} from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { useUpdateContribution } from './value-chain.queries';

interface Props {
  activity: ValueChainActivity;
  onClose: () => void;
}

/**
 * Changes the level of one activity, with a note. Radio buttons move with the arrow keys; on a 409 the form
 * takes the level someone else saved (and its version), says so, and lets the user save again.
 */
export function LevelEditor({ activity, onClose }: Props) {
  const { t } = useTranslation('valueChain');
  const update = useUpdateContribution();
  const [level, setLevel] = useState<ValueChainLevel>(activity.level);
  const [note, setNote] = useState(activity.note);
  const [version, setVersion] = useState(activity.version);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = t(`activities.${activity.activity}`);

  const save = () => {
    setError(null);
    update.mutate(
      { activity: activity.activity, version, patch: { level, note } },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('edit.saved', { activity: name, level: t(`levels.${saved.level}`) }),
          });
          onClose();
        },
        onError: (failure) => {
          const current = isApiError(failure, 409)
            ? (failure.problem?.current as ValueChainContribution | undefined)
            : undefined;
          if (current) {
            setConflict(true);
            setLevel(current.level);
            setNote(current.note);
            setVersion(current.version);
          } else setError(problemText(failure));
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('edit.title', { activity: name })}>
      <form
        aria-label={t('edit.title', { activity: name })}
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Stack gap="md">
          {conflict && (
            <Alert color="orange" role="alert" data-testid="value-chain-conflict">
              {t('edit.conflict')}
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Radio.Group
            label={t('edit.level')}
            value={level}
            onChange={(value) => setLevel(value as ValueChainLevel)}
          >
            <Group mt="xs">
              {valueChainLevels.map((key) => (
                <Radio key={key} value={key} label={t(`levels.${key}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('edit.note')}
            description={t('edit.noteHint')}
            value={note}
            maxLength={2000}
            autosize
            minRows={2}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('edit.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
