import { Group, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../app/forms';
import { OrgUnitSelect } from '../org-units/OrgUnitSelect';
import { StakeholderPicker } from '../stakeholders/StakeholderPicker';
import type { OpenValues, OurSide } from './relationship.form';

const sides: OurSide[] = ['organisation', 'orgUnit', 'stakeholder'];

interface Props {
  values: OpenValues;
  onChange: (values: Partial<OpenValues>) => void;
  errors: FieldErrors;
  /** The stakeholder on the other side, which cannot also be ours. */
  stakeholderId: string;
}

/** Who the relationship is with on our side: the whole organisation, one unit, or another stakeholder. */
export function OurSideField({ values, onChange, errors, stakeholderId }: Props) {
  const { t } = useTranslation(['relationships']);
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('fields.ourSide')}
        value={values.ourSide}
        onChange={(value) => onChange({ ourSide: value as OurSide })}
      >
        <Group mt={4}>
          {sides.map((side) => (
            <Radio key={side} value={side} label={t(`ourSide.${side}`)} />
          ))}
        </Group>
      </Radio.Group>
      {values.ourSide === 'orgUnit' && (
        <OrgUnitSelect
          value={values.orgUnitId}
          onChange={(orgUnitId) => onChange({ orgUnitId })}
          error={errors.orgUnitId}
          w={420}
        />
      )}
      {values.ourSide === 'stakeholder' && (
        <StakeholderPicker
          label={t('fields.fromStakeholder')}
          value={values.fromStakeholderId}
          onChange={(fromStakeholderId) => onChange({ fromStakeholderId })}
          exclude={[stakeholderId]}
          error={errors.fromStakeholderId}
          required
        />
      )}
    </Stack>
  );
}
