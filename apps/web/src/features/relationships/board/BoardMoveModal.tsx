import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { BoardCard, JourneyStep, Relationship } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { describeSubmitError } from '../../../app/forms';
import { useMoveRelationship } from '../relationship.mutations';
import { useRelationship } from '../relationship.queries';

export interface PlannedMove {
  relationship: BoardCard;
  /** The steps proposed: where a drop would put it, or where it is now when opened with the Move button. */
  steps: string[];
}

interface Props {
  move: PlannedMove | null;
  /** The board's columns, used when the relationship has no journey of its own to offer. */
  columns: Pick<JourneyStep, 'key' | 'name'>[];
  onClose: () => void;
  onMoved: (relationship: Relationship) => void;
  onMovedMeanwhile: (relationship: BoardCard) => void;
}

const sameSteps = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((key) => b.includes(key));

/** Confirms a move on the board: the target step(s), preset by a drop or chosen here, and a note. */
export function BoardMoveModal({ move, ...props }: Props) {
  return move ? <MoveDialog move={move} {...props} /> : null;
}

function MoveDialog({ move, columns, onClose, onMoved, onMovedMeanwhile }: Props & { move: PlannedMove }) {
  const { t } = useTranslation(['relationships', 'common']);
  const mutation = useMoveRelationship();
  // A card does not carry its journey: its own (tailored) steps are read when the dialog opens.
  const full = useRelationship(move.relationship.id);
  const [steps, setSteps] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setSteps(move.steps);
    setNote('');
    setError(null);
  }, [move]);

  const { relationship } = move;
  const options = full.data?.journey?.steps ?? columns;

  const submit = () => {
    if (steps.length === 0) return setError(t('move.chooseStep'));
    if (sameSteps(steps, relationship.currentSteps)) return setError(t('board.unchanged'));
    mutation.mutate(
      { relationship, steps, note: note.trim() },
      {
        onSuccess: onMoved,
        onError: (failure) => {
          if (isApiError(failure, 409)) return onMovedMeanwhile(relationship);
          const described = describeSubmitError(failure, ['steps', 'note']);
          setError(Object.values(described.fields).join(' ') || described.general);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('board.moveTitle', { name: relationship.name })}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {relationship.stakeholderName}
          </Text>
          <Checkbox.Group
            label={t('move.steps')}
            description={t('move.stepsHint')}
            value={steps}
            onChange={setSteps}
            error={error}
            required
          >
            <Stack gap="xs" mt="xs">
              {options.map((step) => (
                <Checkbox
                  key={step.key}
                  value={step.key}
                  label={
                    relationship.currentSteps.includes(step.key)
                      ? t('move.currentStep', { name: step.name })
                      : step.name
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('move.note')}
            description={t('move.noteHint')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('move.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
