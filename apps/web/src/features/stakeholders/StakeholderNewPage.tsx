import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { StakeholderForm } from './StakeholderForm';

export default function StakeholderNewPage() {
  const { t } = useTranslation(['stakeholders', 'common', 'enums']);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('form.newTitle')} description={t('form.newDescription')} />
      <StakeholderForm
        onSaved={(stakeholder) => navigate(`/stakeholders/${stakeholder.id}`)}
        onCancel={() => navigate('/stakeholders')}
      />
    </>
  );
}
