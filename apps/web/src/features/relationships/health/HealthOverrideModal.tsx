import { Alert, Button, Group, Modal, NumberInput, Slider, Stack, Text, Textarea } from '@mantine/core';
import { HealthOverride, type Relationship } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { describeSubmitError, type FieldErrors, zodFieldErrors } from '../../../app/forms';
import { relationshipKeys } from '../relationship.queries';
import { useSetHealthOverride } from './health.mutations';

interface Props {
  relationship: Relationship;
  opened: boolean;
  onClose: () => void;
}

/** A manager's own judgement of the health score, with the reason it differs from the computed one. */
export function HealthOverrideModal({ relationship, opened, onClose }: Props) {
  const { t } = useTranslation(['relationships', 'common']);
  const queryClient = useQueryClient();
  const setOverride = useSetHealthOverride();
  const { health } = relationship;
  const [score, setScore] = useState(50);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  // Starts from the score in force, so a manager adjusts rather than retypes it; kept across a 409 reload.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens
  useEffect(() => {
    if (!opened) return;
    setScore(health.override?.score ?? health.computed ?? 50);
    setComment(health.override?.comment ?? '');
    setErrors({});
    setGeneral(null);
  }, [opened]);

  const submit = () => {
    const parsed = HealthOverride.safeParse({ score, comment });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setOverride.mutate(
      { relationship, healthOverride: parsed.data },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error, 409)) {
            void queryClient.invalidateQueries({ queryKey: relationshipKeys.detail(relationship.id) });
            setErrors({});
            setGeneral(t('edit.conflictBody'));
            return;
          }
          const described = describeSubmitError(error, ['score', 'comment']);
          setErrors(described.fields);
          setGeneral(described.general);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('health.override.title')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm">
            {health.computed === null
              ? t('health.computedUnmeasured')
              : t('health.computedBeside', { score: health.computed })}
          </Text>
          <NumberInput
            label={t('health.override.score')}
            description={t('health.override.scoreHint')}
            value={score}
            onChange={(value) => setScore(typeof value === 'number' ? value : Number(value) || 0)}
            min={0}
            max={100}
            clampBehavior="strict"
            allowDecimal={false}
            error={errors.score}
            required
            data-autofocus
          />
          <Slider
            value={score}
            onChange={setScore}
            min={0}
            max={100}
            thumbLabel={t('health.override.score')}
            marks={[{ value: 40 }, { value: 70 }]}
          />
          <Textarea
            label={t('health.override.comment')}
            description={t('health.override.commentHint')}
            value={comment}
            onChange={(event) => {
              setComment(event.currentTarget.value);
              setErrors(({ comment: _, ...rest }) => rest);
            }}
            error={errors.comment}
            required
            autosize
            minRows={3}
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
            <Button type="submit" loading={setOverride.isPending}>
              {t('health.override.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
