import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CultureAssessment } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { CultureForm } from './CultureForm';
import { useCultureAssessment } from './culture.queries';

/** Records a new culture assessment, or edits one (`/approach/culture/:id/edit`). */
export default function CultureFormPage() {
  const { t } = useTranslation(['culture']);
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const existing = useCultureAssessment(id);

  const saved = (assessment: CultureAssessment) => {
    notifications.show({ color: 'green', message: t(id ? 'form.saved' : 'form.created') });
    void navigate(`/approach/culture/${assessment.id}`);
  };
  const back = id ? `/approach/culture/${id}` : '/approach/culture';

  return (
    <>
      <ApproachTabs />
      <Anchor component={Link} to={back} size="sm">
        ← {id ? t('detail.backToAssessment') : t('detail.back')}
      </Anchor>
      {id && existing.isPending ? (
        <PageLoader />
      ) : id && existing.isError ? (
        <ErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />
      ) : (
        <>
          <PageHeader
            title={existing.data ? t('form.editTitle', { title: existing.data.title }) : t('form.newTitle')}
            description={t('form.description')}
          />
          <CultureForm
            assessment={existing.data}
            orgUnitId={search.get('orgUnitId')}
            onSaved={saved}
            onCancel={() => void navigate(back)}
          />
        </>
      )}
    </>
  );
}
