import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../../app/forms';
import { PageHeader } from '../../components/PageHeader';
import { StakeholderTabs } from '../stakeholders/StakeholderTabs';
import { ImportHistory } from './ImportHistory';
import { ImportProgress, type ProgressState } from './ImportProgress';
import {
  type ImportMode,
  type ImportPreview,
  ImportRefused,
  type ImportResult,
  previewImport,
  type RowError,
  runImport,
} from './import.api';
import { useImportsChanged } from './import.queries';
import { MappingTable } from './MappingTable';
import { PreviewSummary } from './PreviewSummary';
import { RowErrorsTable } from './RowErrorsTable';

type Busy = 'preview' | 'validate' | 'import' | null;

export default function ImportPage() {
  const { t } = useTranslation(['imports', 'common']);
  const changed = useImportsChanged();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [mode, setMode] = useState<ImportMode>('all');
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<ProgressState>({ upload: 0, rows: null });
  const [rowErrors, setRowErrors] = useState<RowError[] | null>(null);
  const [validated, setValidated] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);

  const step = result ? 2 : preview ? 1 : 0;
  const tracker = {
    onUpload: (upload: number) => setProgress((state) => ({ ...state, upload })),
    onRows: (done: number, total: number) => setProgress((state) => ({ ...state, rows: { done, total } })),
  };
  const start = (what: Busy) => {
    setBusy(what);
    setFailure(null);
    setProgress({ upload: 0, rows: null });
  };
  const fail = (error: unknown) => {
    if (error instanceof ImportRefused && error.rowErrors.length > 0) setRowErrors(error.rowErrors);
    else setFailure(problemText(error));
  };

  const upload = async () => {
    if (!file) return;
    start('preview');
    try {
      const answer = await previewImport(file, tracker);
      setPreview(answer);
      setMapping(
        Object.fromEntries(answer.headers.map((header) => [header, answer.suggestedMapping[header] ?? null])),
      );
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };

  const submit = async (dryRun: boolean) => {
    if (!file) return;
    start(dryRun ? 'validate' : 'import');
    setRowErrors(null);
    setValidated(null);
    setRefused(false);
    try {
      const answer = await runImport(file, { mapping, mode, dryRun }, tracker);
      if (dryRun) {
        setValidated(answer);
        setRowErrors(answer.errors);
      } else {
        setResult(answer);
        setRowErrors(answer.errors.length ? answer.errors : null);
        changed();
      }
    } catch (error) {
      fail(error);
      // A dry run that finds bad rows is a validation, not a refused import.
      setRefused(!dryRun);
      if (!dryRun) changed();
    } finally {
      setBusy(null);
    }
  };

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setRowErrors(null);
    setValidated(null);
    setFailure(null);
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <StakeholderTabs />
      <Stepper active={step} mb="lg" size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('steps.file')} />
        <Stepper.Step label={t('steps.map')} />
        <Stepper.Step label={t('steps.result')} />
      </Stepper>
      <Paper withBorder p="md" radius="md">
        <Stack>
          {step === 0 && (
            <Group align="flex-end">
              <FileInput
                label={t('file.label')}
                description={t('file.hint')}
                placeholder={t('file.placeholder')}
                accept=".csv,text/csv"
                value={file}
                onChange={setFile}
                clearable
                w={360}
              />
              <Button onClick={() => void upload()} disabled={!file} loading={busy === 'preview'}>
                {t('file.upload')}
              </Button>
            </Group>
          )}
          {step === 1 && preview && (
            <>
              <PreviewSummary preview={preview} />
              <Title order={2} size="h5">
                {t('mapping.title')}
              </Title>
              <MappingTable preview={preview} mapping={mapping} onChange={setMapping} />
              <Radio.Group
                label={t('mode.label')}
                value={mode}
                onChange={(value) => setMode(value as ImportMode)}
              >
                <Stack gap={6} mt={6}>
                  <Radio value="all" label={t('mode.all')} description={t('mode.allHint')} />
                  <Radio value="valid" label={t('mode.valid')} description={t('mode.validHint')} />
                </Stack>
              </Radio.Group>
              <Group>
                <Button variant="default" onClick={reset} disabled={busy !== null}>
                  {t('actions.otherFile')}
                </Button>
                <Button
                  variant="light"
                  onClick={() => void submit(true)}
                  loading={busy === 'validate'}
                  disabled={busy !== null}
                >
                  {t('actions.validate')}
                </Button>
                <Button
                  onClick={() => void submit(false)}
                  loading={busy === 'import'}
                  disabled={busy !== null}
                >
                  {t('actions.import')}
                </Button>
              </Group>
              {validated && validated.errors.length === 0 && (
                <Alert color="green" role="status">
                  {t('validate.ok', { count: validated.total })}
                </Alert>
              )}
            </>
          )}
          {step === 2 && result && (
            <>
              <Alert color="green" title={t('result.title')} role="status">
                {t('result.summary', { total: result.total })}
              </Alert>
              <SimpleGrid cols={3} maw={480}>
                {(['created', 'updated', 'skipped'] as const).map((key) => (
                  <Paper withBorder p="sm" radius="md" key={key} ta="center">
                    <Text size="xl" fw={700}>
                      {result[key]}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t(`result.${key}`)}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
              <Group>
                <Button component={Link} to="/stakeholders" variant="light">
                  {t('result.toRegister')}
                </Button>
                <Button variant="default" onClick={reset}>
                  {t('result.again')}
                </Button>
              </Group>
            </>
          )}
          {busy && busy !== 'preview' && <ImportProgress state={progress} />}
          {busy === 'preview' && progress.upload < 1 && <ImportProgress state={progress} />}
          {failure && (
            <Alert color="red" role="alert" title={t('failed')}>
              {failure}
            </Alert>
          )}
          {rowErrors && rowErrors.length > 0 && (
            <div>
              {refused && (
                <Alert color="red" role="alert" mb="sm" title={t('refused.title')}>
                  {t('refused.body')}
                </Alert>
              )}
              <RowErrorsTable errors={rowErrors} fileName={preview?.fileName ?? 'import'} />
            </div>
          )}
        </Stack>
      </Paper>
      <ImportHistory />
    </>
  );
}
