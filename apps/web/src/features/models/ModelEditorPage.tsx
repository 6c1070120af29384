import { Alert, Anchor, Button } from '@mantine/core';
import { defaultJourneySteps, type RelationshipModel } from '@rapport/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isLocale } from '../../app/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { ApproachTabs } from '../approach/ApproachTabs';
import { ModelEditor } from './ModelEditor';
import { blankValues, modelValues, valuesOf } from './model.form';
import { useModel, useModelTemplates } from './model.queries';

/** A proposed version waits for agreement and a retired model is closed: neither is edited. */
function NotEditable({ model }: { model: RelationshipModel }) {
  const { t } = useTranslation(['models']);
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t(`editor.notEditable.${model.status === 'retired' ? 'retired' : 'proposed'}`)}
    >
      <Button component={Link} to={`/approach/models/${model.id}`} variant="light" size="xs" mt="xs">
        {t('editor.backToModel')}
      </Button>
    </Alert>
  );
}

function EditModel({ id }: { id: string }) {
  const { t } = useTranslation(['models']);
  const model = useModel(id);
  if (model.isPending) return <PageLoader />;
  if (model.isError) return <ErrorAlert error={model.error} onRetry={() => void model.refetch()} />;
  const m = model.data;
  return (
    <>
      <Anchor component={Link} to={`/approach/models/${m.id}`} size="sm">
        ← {m.name}
      </Anchor>
      <PageHeader title={t('editor.editTitle', { name: m.name, number: m.currentVersion })} />
      {m.status === 'proposed' || m.status === 'retired' || m.archivedAt ? (
        <NotEditable model={m} />
      ) : (
        <ModelEditor key={m.id} initialValues={modelValues(m)} model={m} />
      )}
    </>
  );
}

function NewModel() {
  const { t, i18n } = useTranslation(['models']);
  const [params] = useSearchParams();
  const templateKey = params.get('template');
  const groupId = params.get('groupId');
  const templates = useModelTemplates(isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en');

  const editor = () => {
    if (!templateKey) {
      const values = blankValues((key) => t(`stepNames.${key}`), defaultJourneySteps);
      return <ModelEditor initialValues={{ ...values, groupIds: groupId ? [groupId] : [] }} />;
    }
    if (templates.isPending) return <PageLoader />;
    if (templates.isError)
      return <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
    const template = templates.data.find((candidate) => candidate.key === templateKey);
    if (!template) return <Alert color="yellow">{t('editor.unknownTemplate')}</Alert>;
    return (
      <ModelEditor
        key={template.key}
        initialValues={valuesOf(template.content, {
          name: template.name,
          groupIds: groupId ? [groupId] : [],
        })}
      />
    );
  };

  const template = templates.data?.find((candidate) => candidate.key === templateKey);
  return (
    <>
      <Anchor component={Link} to="/approach/models" size="sm">
        ← {t('detail.back')}
      </Anchor>
      <PageHeader
        title={t('editor.newTitle')}
        description={
          template ? t('editor.fromTemplate', { name: template.name }) : t('editor.blankDescription')
        }
      />
      {editor()}
    </>
  );
}

export default function ModelEditorPage() {
  const { id } = useParams();
  return (
    <>
      <ApproachTabs />
      {id ? <EditModel id={id} /> : <NewModel />}
    </>
  );
}
