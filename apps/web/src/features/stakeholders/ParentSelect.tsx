import { useTranslation } from 'react-i18next';
import { StakeholderPicker } from './StakeholderPicker';

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
  excludeId?: string;
}

/** Picks the organisation, department or group a stakeholder belongs to, searching by name. */
export function ParentSelect({ value, onChange, error, excludeId }: Props) {
  const { t } = useTranslation(['stakeholders']);
  return (
    <StakeholderPicker
      label={t('fields.parent')}
      description={t('form.parentHint')}
      placeholder={t('form.noParent')}
      value={value}
      onChange={onChange}
      error={error}
      exclude={excludeId ? [excludeId] : []}
    />
  );
}
