import { Grid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { stepsWithErrors } from './model.errors';
import { emptyStep, type ModelFormValues } from './model.form';
import { StepEditor } from './StepEditor';
import { StepList } from './StepList';

interface Props {
  form: UseFormReturnType<ModelFormValues>;
  /** Held by the editor so that a failed save can open the first step with an error. */
  selected: number;
  onSelect: (index: number) => void;
}

/** The steps on the side and the chosen step's editor next to them. */
export function JourneyEditor({ form, selected, onSelect }: Props) {
  const steps = form.getValues().steps;
  const withErrors = stepsWithErrors(Object.keys(form.errors));
  const current = Math.min(selected, steps.length - 1);

  const move = (from: number, to: number) => {
    form.reorderListItem('steps', { from, to });
    if (current === from) onSelect(to);
    else if (current === to) onSelect(from);
  };
  const remove = (index: number) => {
    form.removeListItem('steps', index);
    onSelect(Math.max(0, index <= current ? current - 1 : current));
  };
  const add = (name: string) => {
    form.insertListItem('steps', emptyStep(name));
    onSelect(steps.length);
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <StepList
          steps={steps}
          selected={current}
          withErrors={withErrors}
          onSelect={onSelect}
          onMove={move}
          onRemove={remove}
          onAdd={add}
          error={typeof form.errors.steps === 'string' ? form.errors.steps : undefined}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <StepEditor form={form} index={current} />
      </Grid.Col>
    </Grid>
  );
}
