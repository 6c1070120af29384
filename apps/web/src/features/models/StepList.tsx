import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepValues } from './model.form';

interface Props {
  steps: readonly StepValues[];
  selected: number;
  /** Indexes of steps with an error somewhere inside. */
  withErrors: ReadonlySet<number>;
  onSelect: (index: number) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  onAdd: (name: string) => void;
  error?: string;
}

/**
 * The journey's steps in order. ↑/↓ go through the steps, Alt+↑/↓ move the focused one, and the
 * buttons do the same for pointer users.
 */
export function StepList({ steps, selected, withErrors, onSelect, onMove, onRemove, onAdd, error }: Props) {
  const { t } = useTranslation(['models']);
  const [newName, setNewName] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusUid, setFocusUid] = useState<string | null>(null);

  useEffect(() => {
    if (!focusUid) return;
    buttons.current.get(focusUid)?.focus();
    setFocusUid(null);
  }, [focusUid]);

  const move = (from: number, to: number) => {
    const step = steps[from];
    if (!step || to < 0 || to >= steps.length) return;
    onMove(from, to);
    setFocusUid(step.uid);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
    if (event.altKey) return move(index, to);
    const next = steps[to];
    if (!next) return;
    onSelect(to);
    setFocusUid(next.uid);
  };

  const add = () => {
    const name = newName.trim();
    if (!name) return;
    onAdd(name);
    setNewName('');
  };

  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed" id="model-step-list-hint">
        {t('editor.stepListHint')}
      </Text>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('editor.stepList')}>
        {steps.map((step, index) => {
          const current = index === selected;
          const name = step.name || t('editor.unnamedStep');
          const hasError = withErrors.has(index);
          return (
            <Box component="li" key={step.uid} mb={6}>
              <Paper
                withBorder
                radius="md"
                p={6}
                bg={current ? 'indigo.0' : undefined}
                style={{ borderColor: hasError ? 'var(--mantine-color-red-6)' : undefined }}
              >
                <Group gap={4} wrap="nowrap">
                  <UnstyledButton
                    ref={(element) => {
                      if (element) buttons.current.set(step.uid, element);
                      else buttons.current.delete(step.uid);
                    }}
                    onClick={() => onSelect(index)}
                    onKeyDown={(event) => onKeyDown(event, index)}
                    aria-current={current ? 'step' : undefined}
                    aria-describedby="model-step-list-hint"
                    aria-controls="model-step-editor"
                    style={{ flexGrow: 1, minWidth: 0 }}
                    px={6}
                    py={4}
                  >
                    <Text size="sm" fw={current ? 700 : 500} truncate>
                      {index + 1}. {name}
                    </Text>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed">
                        {t('editor.activityCount', {
                          count: step.activities.filter((a) => a.text.trim()).length,
                        })}
                      </Text>
                      {hasError && (
                        <Badge color="red" size="xs" variant="filled">
                          {t('editor.stepHasErrors')}
                        </Badge>
                      )}
                    </Group>
                  </UnstyledButton>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => move(index, index - 1)}
                    disabled={index === 0}
                    aria-label={t('editor.moveUp', { name })}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => move(index, index + 1)}
                    disabled={index === steps.length - 1}
                    aria-label={t('editor.moveDown', { name })}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onRemove(index)}
                    disabled={steps.length === 1}
                    aria-label={t('editor.removeStep', { name })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              </Paper>
            </Box>
          );
        })}
      </Box>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group gap={6} align="flex-end" wrap="nowrap">
        <TextInput
          label={t('editor.newStepName')}
          value={newName}
          onChange={(event) => setNewName(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add();
          }}
          maxLength={200}
          style={{ flexGrow: 1 }}
        />
        <Button variant="light" onClick={add} disabled={!newName.trim() || steps.length >= 20}>
          {t('editor.addStep')}
        </Button>
      </Group>
    </Stack>
  );
}
