import { Alert, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import type { Kpi } from '@rapport/contracts';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../app/format';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { formatKpiValue } from './kpi.format';
import { useAddEntry, useKpiEntries } from './kpi.queries';

const fields = ['from', 'to', 'value', 'note'];

/** Enters the value of a manual KPI for a period, and lists the values entered before. */
export function EntryDialog({ kpi, onClose }: { kpi: Kpi | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('kpis');
  const add = useAddEntry();
  const entries = useKpiEntries(kpi?.key ?? 'image_in_media', kpi !== null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [value, setValue] = useState<string | number>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    if (!kpi) return;
    setFrom(kpi.period.from);
    const today = dayjs().format('YYYY-MM-DD');
    setTo([kpi.period.to, today].sort()[0] ?? today);
    setValue('');
    setNote('');
    setErrors({});
    setGeneral(null);
  }, [kpi]);
  if (!kpi) return null;

  const submit = async () => {
    if (value === '') {
      setErrors({ value: t('entry.valueRequired') });
      return;
    }
    try {
      await add.mutateAsync({
        key: kpi.key,
        entry: { from, to, value: Number(value), note: note.trim() || undefined },
      });
      onClose();
    } catch (failure) {
      const described = describeSubmitError(failure, fields);
      setErrors(described.fields);
      setGeneral(described.general);
    }
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t('entry.title', { name: t(`names.${kpi.key}`) })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t(`entry.hint.${kpi.key as 'image_in_media' | 'left_due_to_toxic_relationships'}`)}
          </Text>
          <Group grow>
            <TextInput
              type="date"
              label={t('entry.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={errors.from}
              required
            />
            <TextInput
              type="date"
              label={t('entry.to')}
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={errors.to}
              required
            />
          </Group>
          <NumberInput
            label={t('entry.value', { unit: t(`units.${kpi.unit}`) })}
            value={value}
            onChange={setValue}
            decimalScale={2}
            error={errors.value}
            required
            data-autofocus
          />
          <TextInput
            label={t('entry.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
            maxLength={2000}
          />
          {general && <Alert color="red">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('entry.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {(entries.data?.length ?? 0) > 0 && (
        <Table mt="lg" striped>
          <Table.Caption>{t('entry.earlier')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('entry.period')}</Table.Th>
              <Table.Th>{t('entry.valueColumn')}</Table.Th>
              <Table.Th>{t('entry.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data?.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>
                  {formatDay(entry.from, i18n.language)} – {formatDay(entry.to, i18n.language)}
                </Table.Td>
                <Table.Td>{formatKpiValue(entry.value, kpi.unit, i18n.language)}</Table.Td>
                <Table.Td>{entry.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
