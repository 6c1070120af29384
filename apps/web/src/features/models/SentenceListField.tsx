import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelFormValues, TextItem } from './model.form';

interface Props {
  form: UseFormReturnType<ModelFormValues>;
  /** Form path of the list, e.g. `steps.2.activities`. */
  path: string;
  items: readonly TextItem[];
  legend: string;
  /** The accessible name of row n (1-based), e.g. "Activity 3". */
  itemLabel: (n: number) => string;
  addLabel: string;
  emptyText: string;
  newItem: () => TextItem;
}

/**
 * An editable list of sentences. Enter adds the next row, Backspace in an empty row removes it, and
 * Alt+↑/↓ moves a row, so a list of activities can be typed without reaching for the mouse.
 */
export function SentenceListField({
  form,
  path,
  items,
  legend,
  itemLabel,
  addLabel,
  emptyText,
  newItem,
}: Props) {
  const { t } = useTranslation(['models']);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [focusUid, setFocusUid] = useState<string | null>(null);

  useEffect(() => {
    if (!focusUid) return;
    inputs.current.get(focusUid)?.focus();
    setFocusUid(null);
  }, [focusUid]);

  const insertAfter = (index: number) => {
    const item = newItem();
    form.insertListItem(path, item, index + 1);
    setFocusUid(item.uid);
  };
  const remove = (index: number) => {
    const neighbour = items[index - 1] ?? items[index + 1];
    form.removeListItem(path, index);
    if (neighbour) setFocusUid(neighbour.uid);
  };
  const move = (index: number, to: number) => {
    const item = items[index];
    if (!item || to < 0 || to >= items.length) return;
    form.reorderListItem(path, { from: index, to });
    setFocusUid(item.uid);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number, item: TextItem) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      insertAfter(index);
    } else if (event.key === 'Backspace' && item.text === '') {
      event.preventDefault();
      remove(index);
    } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(index, event.key === 'ArrowUp' ? index - 1 : index + 1);
    }
  };

  return (
    <Fieldset legend={legend} variant="unstyled">
      <Stack gap={6}>
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        )}
        {items.map((item, index) => {
          const label = itemLabel(index + 1);
          return (
            <Group key={item.uid} gap={4} wrap="nowrap" align="flex-start">
              <Text size="sm" c="dimmed" w={22} ta="right" pt={6} aria-hidden="true">
                {index + 1}.
              </Text>
              <TextInput
                {...form.getInputProps(`${path}.${index}.text`)}
                ref={(element) => {
                  if (element) inputs.current.set(item.uid, element);
                  else inputs.current.delete(item.uid);
                }}
                aria-label={label}
                onKeyDown={(event) => onKeyDown(event, index, item)}
                style={{ flexGrow: 1 }}
                maxLength={2000}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={() => move(index, index - 1)}
                disabled={index === 0}
                aria-label={t('editor.moveUp', { name: label })}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                onClick={() => move(index, index + 1)}
                disabled={index === items.length - 1}
                aria-label={t('editor.moveDown', { name: label })}
              >
                ↓
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                onClick={() => remove(index)}
                aria-label={t('editor.remove', { name: label })}
              >
                ×
              </ActionIcon>
            </Group>
          );
        })}
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => insertAfter(items.length - 1)}>
            + {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
