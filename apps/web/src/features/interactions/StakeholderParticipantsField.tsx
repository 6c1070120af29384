import { CloseButton, Fieldset, Group, Input, Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StakeholderPicker } from '../stakeholders/StakeholderPicker';
import { useStakeholder } from '../stakeholders/stakeholder.queries';
import { legendStyles } from './fieldset.styles';

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

function ChosenStakeholder({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation(['interactions']);
  const name = useStakeholder(id).data?.name ?? '…';
  return (
    <Pill size="md">
      <Group gap={4} wrap="nowrap" component="span">
        {name}
        <CloseButton size="xs" aria-label={t('form.removeStakeholder', { name })} onClick={onRemove} />
      </Group>
    </Pill>
  );
}

/** The stakeholder's people who took part, added one at a time by searching their name. */
export function StakeholderParticipantsField({ value, onChange, error }: Props) {
  const { t } = useTranslation(['interactions']);
  return (
    <Fieldset legend={t('form.participantStakeholders')} variant="unstyled" styles={legendStyles}>
      {value.length > 0 && (
        <Group gap="xs" mb="xs">
          {value.map((id) => (
            <ChosenStakeholder
              key={id}
              id={id}
              onRemove={() => onChange(value.filter((other) => other !== id))}
            />
          ))}
        </Group>
      )}
      <StakeholderPicker
        label={t('form.addStakeholder')}
        value={null}
        exclude={value}
        onChange={(id) => id && onChange([...value, id])}
      />
      {error && <Input.Error mt={4}>{error}</Input.Error>}
    </Fieldset>
  );
}
