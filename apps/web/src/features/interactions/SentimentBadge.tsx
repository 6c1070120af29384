import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { signed } from './interaction.kinds';

const colours: Record<string, string> = {
  '-2': 'red',
  '-1': 'orange',
  '0': 'gray',
  '1': 'teal',
  '2': 'green',
};

export function SentimentBadge({ value }: { value: number }) {
  const { t } = useTranslation(['interactions']);
  const key = String(value) as '-2' | '-1' | '0' | '1' | '2';
  return (
    <Badge color={colours[key] ?? 'gray'} variant="light" tt="none">
      {t('sentiment.badge', { value: signed(value), word: t(`sentiment.${key}`) })}
    </Badge>
  );
}
