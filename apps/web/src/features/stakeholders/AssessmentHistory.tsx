import { Button, Group, Stack, Text, Timeline } from '@mantine/core';
import { type AssessmentValues, assessedFields } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useAssessments } from './stakeholder.queries';

type Field = (typeof assessedFields)[number];

/** Each re-assessment of the stakeholder's position: who, when, what moved from what to what, and why. */
export function AssessmentHistory({ stakeholderId }: { stakeholderId: string }) {
  const { t, i18n } = useTranslation(['stakeholders', 'common', 'enums']);
  const assessments = useAssessments(stakeholderId);

  const show = (field: Field, values: AssessmentValues | null): string => {
    if (!values) return '—';
    const value = values[field];
    if (value === null) return t('notAssessed');
    if (typeof value === 'boolean') return value ? t('common:yes') : t('common:no');
    if (field === 'engagementCurrent' || field === 'engagementDesired')
      return t(`enums:engagement.${value}` as 'enums:engagement.neutral');
    return String(value);
  };

  if (assessments.isPending) return <PageLoader />;
  if (assessments.isError)
    return <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />;
  const entries = assessments.data.pages.flatMap((page) => page.data);
  if (entries.length === 0) {
    return <EmptyState title={t('assessments.emptyTitle')} description={t('assessments.emptyBody')} />;
  }

  return (
    <Stack>
      <Timeline bulletSize={14} lineWidth={2} active={entries.length}>
        {entries.map((entry) => {
          // A first assessment lists what was set; a re-assessment lists what moved.
          const changed = assessedFields.filter((field) =>
            entry.before
              ? entry.before[field] !== entry.after[field]
              : entry.after[field] !== null && entry.after[field] !== false,
          );
          return (
            <Timeline.Item
              key={entry.id}
              title={entry.before ? t('assessments.reassessed') : t('assessments.first')}
            >
              <Text size="xs" c="dimmed">
                {t('assessments.byAt', {
                  who: entry.actorName ?? t('assessments.unknownActor'),
                  when: formatDate(entry.at, i18n.language, true),
                })}
              </Text>
              <Stack gap={2} mt={6}>
                {changed.map((field) => (
                  <Text size="sm" key={field}>
                    <Text span fw={500}>
                      {t(`fields.${field}`)}
                    </Text>
                    {': '}
                    {entry.before ? (
                      <>
                        {show(field, entry.before)} →{' '}
                        <Text span fw={600}>
                          {show(field, entry.after)}
                        </Text>
                      </>
                    ) : (
                      show(field, entry.after)
                    )}
                  </Text>
                ))}
              </Stack>
              {entry.note && (
                <Text size="sm" mt={6} fs="italic" c="dark.4">
                  “{entry.note}”
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {assessments.hasNextPage && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => void assessments.fetchNextPage()}
            loading={assessments.isFetchingNextPage}
          >
            {t('common:actions.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
