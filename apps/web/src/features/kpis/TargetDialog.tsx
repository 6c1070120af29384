import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import type { Kpi } from '@rapport/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { describeSubmitError } from '../../app/forms';
import { useSetTarget } from './kpi.queries';

/** Sets or clears a KPI's target; a 409 reloads the KPI and says someone else changed it. */
export function TargetDialog({ kpi, onClose }: { kpi: Kpi | null; onClose: () => void }) {
  const { t } = useTranslation('kpis');
  const save = useSetTarget();
  const [value, setValue] = useState<string | number>('');
  const [error, setError] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    setValue(kpi?.target ?? '');
    setError(null);
    setGeneral(null);
  }, [kpi]);
  if (!kpi) return null;

  const submit = async () => {
    const target = value === '' ? null : Number(value);
    try {
      await save.mutateAsync({ kpi, target });
      onClose();
    } catch (failure) {
      if (isApiError(failure, 409)) {
        setGeneral(t('target.conflict'));
        return;
      }
      const { fields, general: rest } = describeSubmitError(failure, ['target']);
      setError(fields.target ?? null);
      setGeneral(rest);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('target.title', { name: t(`names.${kpi.key}`) })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t(`target.hint.${kpi.direction}`)}
          </Text>
          <NumberInput
            label={t('target.label', { unit: t(`units.${kpi.unit}`) })}
            value={value}
            onChange={setValue}
            decimalScale={2}
            error={error}
            data-autofocus
          />
          {general && <Alert color="red">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('target.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
