import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { StakeholderForm } from './StakeholderForm';
import { useStakeholder } from './stakeholder.queries';

export default function StakeholderEditPage() {
  const { t } = useTranslation(['stakeholders', 'common', 'enums']);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const stakeholder = useStakeholder(id);

  if (stakeholder.isPending) return <PageLoader />;
  if (stakeholder.isError)
    return <ErrorAlert error={stakeholder.error} onRetry={() => void stakeholder.refetch()} />;

  return (
    <>
      <PageHeader title={t('form.editTitle', { name: stakeholder.data.name })} />
      <StakeholderForm
        key={stakeholder.data.id}
        stakeholder={stakeholder.data}
        onSaved={(saved) => navigate(`/stakeholders/${saved.id}`)}
        onCancel={() => navigate(`/stakeholders/${id}`)}
      />
    </>
  );
}
