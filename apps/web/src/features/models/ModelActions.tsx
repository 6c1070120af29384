import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RelationshipModel } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../../app/forms';
import { AgreementStepModal } from '../approach/AgreementStepModal';
import { type WorkflowAction, workflowActions } from '../approach/agreement.workflow';
import { useCan } from '../auth/auth.queries';
import { useArchiveModel, useModelStep } from './model.mutations';
import { modelKeys } from './model.queries';

export function ModelActions({ model }: { model: RelationshipModel }) {
  const { t } = useTranslation(['models']);
  const canWrite = useCan('approach.write');
  const canAgree = useCan('approach.agree');
  const archive = useArchiveModel();
  const [step, setStep] = useState<WorkflowAction | null>(null);
  const run = useModelStep();
  const editable = canWrite && !model.archivedAt && (model.status === 'draft' || model.status === 'agreed');

  const toggleArchive = () =>
    archive.mutate(
      { model },
      {
        onSuccess: (result) =>
          notifications.show({
            color: 'green',
            message: result.archivedAt ? t('detail.archivedDone') : t('detail.restoredDone'),
          }),
        onError: (error) => notifications.show({ color: 'red', message: problemText(error) }),
      },
    );

  return (
    <>
      {editable && (
        <Button component={Link} to={`/approach/models/${model.id}/edit`} variant="default">
          {model.status === 'agreed' ? t('detail.editAgreed') : t('detail.edit')}
        </Button>
      )}
      {workflowActions(model, canWrite, canAgree).map((action) => (
        <Button
          key={action}
          variant={action === 'propose' || action === 'agree' ? 'filled' : 'default'}
          color={action === 'retire' ? 'red' : undefined}
          onClick={() => setStep(action)}
        >
          {t(`workflow.${action}.button`)}
        </Button>
      ))}
      {canWrite && (
        <Button
          variant="subtle"
          color={model.archivedAt ? undefined : 'red'}
          onClick={toggleArchive}
          loading={archive.isPending}
        >
          {model.archivedAt ? t('detail.restore') : t('detail.archive')}
        </Button>
      )}
      <AgreementStepModal
        document={model}
        step={step}
        onClose={() => setStep(null)}
        texts="models:workflow"
        detailKey={modelKeys.detail(model.id)}
        run={{
          mutate: (variables, options) => run.mutate({ model, ...variables }, options),
          isPending: run.isPending,
        }}
      />
    </>
  );
}
