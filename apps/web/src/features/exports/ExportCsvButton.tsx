import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiBase, type QueryParams, withQuery } from '../../app/api';

interface ExportCsvButtonProps {
  /** The list endpoint, e.g. `/relationships`; the file comes from `<path>/export`. */
  path: string;
  /** The filters and sort the page shows now (paging parameters are left out: the file holds every row). */
  params?: QueryParams;
}

const PAGING = new Set(['limit', 'cursor', 'count']);

/**
 * A plain download link: the browser saves the CSV the server streams for the same filters, with the session
 * cookie, so nothing is held in the page's memory however long the list.
 */
export function ExportCsvButton({ path, params = {} }: ExportCsvButtonProps) {
  const { t } = useTranslation('exports');
  const filters = Object.fromEntries(Object.entries(params).filter(([key]) => !PAGING.has(key)));
  return (
    <Button
      component="a"
      href={`${apiBase}${withQuery(`${path}/export`, filters)}`}
      download
      variant="default"
    >
      {t('csv.button')}
    </Button>
  );
}
