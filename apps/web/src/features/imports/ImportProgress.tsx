import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ProgressState {
  upload: number;
  rows: { done: number; total: number } | null;
}

/** Upload progress first; then the rows done if the server reports them, else a moving bar. */
export function ImportProgress({ state }: { state: ProgressState }) {
  const { t } = useTranslation(['imports']);
  const uploading = state.upload < 1;
  const rowsFraction = state.rows && state.rows.total > 0 ? state.rows.done / state.rows.total : null;
  const value = uploading ? state.upload * 100 : rowsFraction !== null ? rowsFraction * 100 : 100;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">
        {uploading
          ? t('progress.uploading', { percent: Math.round(state.upload * 100) })
          : state.rows
            ? t('progress.rows', { done: state.rows.done, total: state.rows.total })
            : t('progress.working')}
      </Text>
      <Progress
        value={value}
        animated={!uploading && rowsFraction === null}
        striped={!uploading && rowsFraction === null}
        aria-label={t('progress.label')}
        transitionDuration={150}
      />
    </Stack>
  );
}
