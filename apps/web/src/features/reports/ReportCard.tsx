import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ReportKind, ReportLanguage } from '@rapport/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeSubmitError, type FieldErrors } from '../../app/forms';
import { downloadReport, type ReportRequest } from './report.download';

interface ReportCardProps {
  kind: ReportKind;
  /** The fields of this report besides the language (period, review). */
  children?: (errors: FieldErrors) => ReactNode;
  /** Checks made before asking the server; an empty object when the request may go. */
  check?: () => FieldErrors;
  query?: Omit<ReportRequest, 'kind' | 'lang'>;
  /** Disables the download until the report has what it needs (a review chosen). */
  ready?: boolean;
  /** A button or link to the web page that prints the same content. */
  print?: ReactNode;
}

/** One report of the hub: what it holds, its language, its own fields, and "Download PDF". */
export function ReportCard({ kind, children, check, query, ready = true, print }: ReportCardProps) {
  const { t, i18n } = useTranslation('reports');
  const [lang, setLang] = useState<ReportLanguage>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const titleId = `report-${kind}-title`;

  const download = async () => {
    const local = check?.() ?? {};
    setErrors(local);
    setGeneral(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await downloadReport({ kind, lang, ...query });
    } catch (error) {
      const described = describeSubmitError(error, ['from', 'to', 'reviewId']);
      setErrors(described.fields);
      setGeneral(described.general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t(`kinds.${kind}.title`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`kinds.${kind}.description`)}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${titleId}-lang`}>
            {t('language')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${titleId}-lang`}
            value={lang}
            onChange={(value) => setLang(value as ReportLanguage)}
            data={[
              { value: 'en', label: t('languages.en') },
              { value: 'zh-CN', label: t('languages.zh-CN') },
            ]}
          />
        </Stack>
        {children?.(errors)}
        {general && (
          <Alert color="red" role="alert" title={t('failed')}>
            {general}
          </Alert>
        )}
        <Group gap="sm" mt="xs">
          <Button onClick={download} loading={busy} disabled={!ready}>
            {t('download')}
          </Button>
          {print}
        </Group>
      </Stack>
    </Card>
  );
}
