import { Anchor, Text } from '@mantine/core';
import type { Improvement } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Where an initiative came from, as a link to that record when it has a page. */
export function SourceLink({ improvement }: { improvement: Improvement }) {
  const { t } = useTranslation(['improvement']);
  const label = t(`source.${improvement.sourceType}`);
  const id = improvement.sourceId;
  const to =
    id === null
      ? null
      : improvement.sourceType === 'review'
        ? `/reviews/${id}`
        : improvement.sourceType === 'exception'
          ? `/exceptions/${id}`
          : improvement.sourceType === 'survey'
            ? `/surveys/${id}`
            : null;
  if (to)
    return (
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
    );
  return (
    <Text size="sm">
      {label}
      {improvement.sourceType === 'kpi' && id && (
        <Text span c="dimmed" size="xs">
          {' '}
          ({id})
        </Text>
      )}
    </Text>
  );
}
