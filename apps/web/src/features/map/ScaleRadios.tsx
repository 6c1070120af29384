import { Group, Radio } from '@mantine/core';

interface Props {
  label: string;
  value: number | null;
  onChange: (value: number) => void;
}

/** A 1–5 choice as a radio group: arrow keys move between the values. */
export function ScaleRadios({ label, value, onChange }: Props) {
  return (
    <Radio.Group
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(v) => onChange(Number(v))}
    >
      <Group gap="md" mt={6}>
        {[1, 2, 3, 4, 5].map((step) => (
          <Radio key={step} value={String(step)} label={String(step)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
