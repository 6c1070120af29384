import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../auth/auth.queries';
import { RelationshipExceptions } from '../exceptions/RelationshipExceptions';
import { ContactFacts } from '../interactions/ContactFacts';
import { InteractionTimeline } from '../interactions/InteractionTimeline';
import { ModelLessons } from '../lessons/ModelLessons';
import { PlanRelationshipReviewButton } from '../relationship-reviews/PlanRelationshipReview';
import { StakeholderViewCard } from '../surveys/StakeholderViewCard';
import { CurrentSteps } from './CurrentSteps';
import { EditRelationshipModal } from './EditRelationshipModal';
import { EndRelationshipModal } from './EndRelationshipModal';
import { HealthPanel } from './health/HealthPanel';
import { JourneyDifferences } from './JourneyDifferences';
import { JourneyHistory } from './JourneyHistory';
import { JourneySteps } from './JourneySteps';
import { MoveModal } from './MoveModal';
import { RelationshipFacts } from './RelationshipFacts';
import { useRelationship } from './relationship.queries';
import { StatusBadge } from './StatusBadge';

type Dialog = 'edit' | 'move' | 'end' | null;

export default function RelationshipDetailPage() {
  const { t } = useTranslation(['relationships']);
  const { id = '' } = useParams();
  const query = useRelationship(id);
  const canWrite = useCan('relationships.write');
  const canEnd = useCan('relationships.end');
  const canReview = useCan('relationships.review');
  const [dialog, setDialog] = useState<Dialog>(null);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const relationship = query.data;
  const open = relationship.status !== 'ended' && !relationship.archivedAt;
  const hasJourney = (relationship.journey?.steps.length ?? 0) > 0;
  const close = () => setDialog(null);

  return (
    <>
      <Anchor component={Link} to="/relationships" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {relationship.name}
            <StatusBadge status={relationship.status} />
          </Group>
        }
        actions={
          open && (
            <>
              {canWrite && hasJourney && <Button onClick={() => setDialog('move')}>{t('move.open')}</Button>}
              {canWrite && (
                <Button variant="default" onClick={() => setDialog('edit')}>
                  {t('detail.edit')}
                </Button>
              )}
              {canReview && <PlanRelationshipReviewButton relationship={relationship} />}
              {canEnd && (
                <Button variant="light" color="red" onClick={() => setDialog('end')}>
                  {t('end.open')}
                </Button>
              )}
            </>
          )
        }
      />
      <RelationshipFacts relationship={relationship} />
      <ContactFacts relationship={relationship} />
      <Stack gap="xl">
        <HealthPanel relationship={relationship} />
        <StakeholderViewCard relationship={relationship} />
        <Stack gap="sm" component="section" aria-labelledby="journey-title">
          <Title order={2} size="h4" id="journey-title">
            {t('journey.title')}
          </Title>
          {hasJourney ? (
            <>
              <JourneyDifferences relationship={relationship} />
              <JourneySteps relationship={relationship} />
            </>
          ) : (
            <EmptyState title={t('journey.noneTitle')} description={t('journey.noneBody')} />
          )}
        </Stack>
        {hasJourney && <CurrentSteps relationship={relationship} />}
        {hasJourney && <JourneyHistory relationship={relationship} />}
        <ModelLessons modelId={relationship.modelId} />
        <InteractionTimeline scope={{ relationshipId: relationship.id }} open={open} />
        <RelationshipExceptions relationship={relationship} />
      </Stack>
      {open && (
        <>
          <MoveModal relationship={relationship} opened={dialog === 'move'} onClose={close} />
          <EditRelationshipModal relationship={relationship} opened={dialog === 'edit'} onClose={close} />
          <EndRelationshipModal relationship={relationship} opened={dialog === 'end'} onClose={close} />
        </>
      )}
    </>
  );
}
