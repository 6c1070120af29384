import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysUntil } from './work.dates';

/** How far off a due date is, in words: red once it is past, calm before. */
export function DueBadge({ dueOn, today }: { dueOn: string; today: string }) {
  const { t } = useTranslation(['work']);
  const days = daysUntil(dueOn, today);
  if (days < 0)
    return (
      <Badge color="red" variant="light">
        {t('due.overdue', { count: -days })}
      </Badge>
    );
  return (
    <Badge color={days === 0 ? 'orange' : 'gray'} variant="light">
      {days === 0 ? t('due.today') : t('due.inDays', { count: days })}
    </Badge>
  );
}
