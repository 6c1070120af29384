import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export type PlaceholderSection = 'reviews' | 'reports';

/** Sections not built yet say what they will hold, and show no made-up data. */
export default function PlaceholderPage({ section }: { section: PlaceholderSection }) {
  const { t } = useTranslation(['shell', 'common', 'enums']);
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <EmptyState title={t('placeholder.title')} description={t(`placeholder.${section}`)} />
    </>
  );
}
