import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import type { Material } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { problemText } from '../../app/forms';
import { useCurrentUser } from '../auth/auth.queries';
import { useAcknowledgeMaterial } from './material.mutations';

/**
 * "I have read this" confirms the revision on the screen. When the material changed while it was being
 * read, the API refuses (409); the page then shows the newer revision and says so. Only the material's
 * audience acknowledges it (the API refuses others with 403), so others are told it is not for their role.
 */
export function AcknowledgePanel({ material }: { material: Material }) {
  const { t } = useTranslation(['materials']);
  const acknowledge = useAcknowledgeMaterial();
  const me = useCurrentUser();
  const inAudience = material.audience.includes(me.role);
  const [newerFrom, setNewerFrom] = useState<number | null>(null);
  const stale = newerFrom !== null && newerFrom < material.revision;

  const confirm = () =>
    acknowledge.mutate(
      { id: material.id, revision: material.revision },
      {
        onSuccess: () => setNewerFrom(null),
        onError: (error) => {
          if (isApiError(error, 409)) setNewerFrom(material.revision);
        },
      },
    );

  return (
    <Paper withBorder p="md" mb="lg">
      <Stack gap="sm" align="flex-start">
        {stale && (
          <Alert color="orange" variant="light" title={t('ack.newerTitle')} role="alert">
            {t('ack.newerBody', { revision: material.revision })}
          </Alert>
        )}
        {!inAudience && !material.acknowledgedByMe ? (
          <Text size="sm" c="dimmed">
            {t('ack.notYourAudience')}
          </Text>
        ) : material.acknowledgedByMe ? (
          <Text c="green.8" fw={500} role="status">
            {t('ack.youHaveReadRevision', { revision: material.revision })}
          </Text>
        ) : (
          <>
            <Text size="sm">{t('ack.confirmHint', { revision: material.revision })}</Text>
            <Button onClick={confirm} loading={acknowledge.isPending}>
              {t('ack.iHaveRead')}
            </Button>
          </>
        )}
        {acknowledge.isError && !isApiError(acknowledge.error, 409) && (
          <Alert color="red" variant="light" role="alert">
            {problemText(acknowledge.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
