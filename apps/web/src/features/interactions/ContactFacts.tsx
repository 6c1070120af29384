import { Group, Paper, Text } from '@mantine/core';
import type { Relationship } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDay } from '../../app/format';
import { Detail } from '../stakeholders/Detail';
import { daysOverdue } from './contact.due';

/** When the relationship last had contact and when the next one is due by its cadence; late shows in red. */
export function ContactFacts({ relationship: r }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation(['interactions']);
  const late = r.nextContactOn ? daysOverdue(r.nextContactOn) : null;

  return (
    <Paper withBorder p="md" radius="md" mb="xl">
      <Group gap="xl" align="flex-start">
        <Detail label={t('contact.last')}>
          {r.lastContactAt ? formatDate(r.lastContactAt, i18n.language, true) : t('contact.never')}
        </Detail>
        <Detail label={t('contact.next')}>
          {r.nextContactOn === null || late === null ? (
            t('contact.noCadence')
          ) : late > 0 ? (
            <Text span size="sm" c="red" fw={600}>
              {t('contact.overdue', { date: formatDay(r.nextContactOn, i18n.language), count: late })}
            </Text>
          ) : late === 0 ? (
            t('contact.today', { date: formatDay(r.nextContactOn, i18n.language) })
          ) : (
            formatDay(r.nextContactOn, i18n.language)
          )}
        </Detail>
      </Group>
    </Paper>
  );
}
