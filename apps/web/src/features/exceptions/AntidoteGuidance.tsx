import { Alert, Text } from '@mantine/core';
import type { ToxicBehaviour } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';

/** The antidote to a toxic behaviour (guide §2.2.2; Gottman), with how to recognise it. */
export function AntidoteGuidance({ behaviour }: { behaviour: ToxicBehaviour }) {
  const { t } = useTranslation(['exceptions']);
  return (
    <Alert
      color="teal"
      variant="light"
      title={t('antidote.title', { behaviour: t(`toxic.${behaviour}`) })}
      role="note"
      aria-label={t('antidote.title', { behaviour: t(`toxic.${behaviour}`) })}
    >
      <Text size="sm" c="dimmed">
        {t(`indicator.${behaviour}`)}
      </Text>
      <Text size="sm" mt={4}>
        {t(`antidote.${behaviour}`)}
      </Text>
      {behaviour === 'contempt' && (
        <Text size="sm" mt={4} fw={500}>
          {t('antidote.strongest')}
        </Text>
      )}
    </Alert>
  );
}
