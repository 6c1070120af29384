import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { ContactsDue } from './ContactsDue';
import { FollowUpsDue } from './FollowUpsDue';
import { ReviewsDue } from './ReviewsDue';
import { StepActivities } from './StepActivities';
import { localToday } from './work.dates';
import { useMyWork } from './work.queries';

/** The page an agent or manager opens each morning: what is due on their relationships. */
export default function MyWorkPage() {
  const { t } = useTranslation(['work']);
  const work = useMyWork();
  const canTick = useCan('relationships.write');
  const today = localToday();

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {work.isPending ? (
        <PageLoader />
      ) : work.isError ? (
        <ErrorAlert error={work.error} onRetry={() => void work.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <ContactsDue contacts={work.data.contacts} today={today} />
          <FollowUpsDue followUps={work.data.followUps} today={today} />
          <StepActivities checklist={work.data.checklist} canTick={canTick} />
          <ReviewsDue reviews={work.data.reviews} today={today} />
        </SimpleGrid>
      )}
    </>
  );
}
