import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiBase } from '../../app/api';
import { PageHeader } from '../../components/PageHeader';

/** Administrators download all of the organisation's data as one JSON file, for `rapport import all`. */
export default function DataExportPage() {
  const { t } = useTranslation('exports');
  return (
    <>
      <PageHeader title={t('all.title')} description={t('all.description')} />
      <Stack gap="md" maw={720}>
        <Text>{t('all.contains')}</Text>
        <List spacing={4}>
          <List.Item>{t('all.leftOut.sessions')}</List.Item>
          <List.Item>{t('all.leftOut.tokens')}</List.Item>
          <List.Item>{t('all.leftOut.webhooks')}</List.Item>
          <List.Item>{t('all.leftOut.machine')}</List.Item>
        </List>
        <Alert color="yellow" title={t('all.sensitiveTitle')}>
          {t('all.sensitiveBody')}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('all.importHint')}
        </Text>
        <div>
          <Button component="a" href={`${apiBase}/admin/export`} download>
            {t('all.button')}
          </Button>
        </div>
      </Stack>
    </>
  );
}
