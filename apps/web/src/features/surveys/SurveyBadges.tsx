import { Badge, Group } from '@mantine/core';
import type { Survey } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

const statusColor = { draft: 'gray', open: 'teal', closed: 'dark' } as const;

export function SurveyBadges({ survey }: { survey: Survey }) {
  const { t } = useTranslation(['surveys']);
  return (
    <Group gap={4}>
      <Badge color={statusColor[survey.status]} variant="light">
        {t(`status.${survey.status}`)}
      </Badge>
      <Badge color={survey.anonymity === 'anonymous' ? 'violet' : 'gray'} variant="outline">
        {t(`anonymity.${survey.anonymity}`)}
      </Badge>
      {survey.archivedAt && (
        <Badge color="gray" variant="outline">
          {t('detail.archived')}
        </Badge>
      )}
    </Group>
  );
}
