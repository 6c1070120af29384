import { Badge, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Improvement, improvementStatuses } from '@rapport/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { formatDay } from '../../app/format';
import { problemText } from '../../app/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useUserOptions } from '../admin/user.queries';
import { AddImprovementForm } from './AddImprovementForm';
import { useUpdateImprovement } from './review.mutations';
import { type ImprovementStatus, improvementKeys, useReviewImprovements } from './review.queries';

/** The improvement initiatives this review started, with their owner, due date and progress. */
export function ReviewImprovements({ reviewId, canWrite }: { reviewId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation(['reviews', 'common']);
  const improvements = useReviewImprovements(reviewId);
  const users = useUserOptions();
  const update = useUpdateImprovement();
  const queryClient = useQueryClient();
  const nameOf = (id: string | null) =>
    id ? (users.data?.find((user) => user.id === id)?.name ?? t('improvements.unknownUser')) : '—';

  const setStatus = (improvement: Improvement, status: ImprovementStatus) =>
    update.mutate(
      { improvement, patch: { status } },
      {
        onError: (error) => {
          if (isApiError(error, 409))
            void queryClient.invalidateQueries({ queryKey: improvementKeys.ofReview(reviewId) });
          notifications.show({
            color: isApiError(error, 409) ? 'orange' : 'red',
            message: isApiError(error, 409) ? t('improvements.conflict') : problemText(error),
          });
        },
      },
    );

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('improvements.title')}
      </Title>
      {improvements.isPending ? (
        <PageLoader />
      ) : improvements.isError ? (
        <ErrorAlert error={improvements.error} onRetry={() => void improvements.refetch()} />
      ) : improvements.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {canWrite ? t('improvements.empty') : t('improvements.emptyReadOnly')}
        </Text>
      ) : (
        <Table aria-label={t('improvements.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('improvements.initiative')}</Table.Th>
              <Table.Th>{t('improvements.owner')}</Table.Th>
              <Table.Th>{t('improvements.dueOn')}</Table.Th>
              <Table.Th>{t('improvements.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {improvements.data.map((improvement) => (
              <Table.Tr key={improvement.id}>
                <Table.Td>{improvement.title}</Table.Td>
                <Table.Td>{nameOf(improvement.ownerId)}</Table.Td>
                <Table.Td>{improvement.dueOn ? formatDay(improvement.dueOn, i18n.language) : '—'}</Table.Td>
                <Table.Td>
                  {canWrite ? (
                    <Select
                      aria-label={t('improvements.statusOf', { title: improvement.title })}
                      data={improvementStatuses.map((value) => ({
                        value,
                        label: t(`improvementStatus.${value}`),
                      }))}
                      value={improvement.status}
                      onChange={(value) => value && setStatus(improvement, value as ImprovementStatus)}
                      allowDeselect={false}
                      size="xs"
                      w={150}
                    />
                  ) : (
                    <Badge variant="light">{t(`improvementStatus.${improvement.status}`)}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && <AddImprovementForm reviewId={reviewId} users={users.data ?? []} />}
    </Stack>
  );
}
