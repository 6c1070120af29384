import { Button } from '@mantine/core';
import type { Principle } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgreementStepModal } from '../approach/AgreementStepModal';
import { type WorkflowAction, workflowActions } from '../approach/agreement.workflow';
import { useCan } from '../auth/auth.queries';
import { usePrincipleStep } from './principle.mutations';
import { principleKeys } from './principle.queries';

export function PrincipleActions({ principle, onEdit }: { principle: Principle; onEdit: () => void }) {
  const { t } = useTranslation(['principles']);
  const canWrite = useCan('approach.write');
  const canAgree = useCan('approach.agree');
  const [step, setStep] = useState<WorkflowAction | null>(null);
  const run = usePrincipleStep();
  const editable =
    canWrite && !principle.archivedAt && (principle.status === 'draft' || principle.status === 'agreed');

  return (
    <>
      {editable && (
        <Button variant="default" onClick={onEdit}>
          {principle.status === 'agreed' ? t('actions.editAgreed') : t('actions.edit')}
        </Button>
      )}
      {workflowActions(principle, canWrite, canAgree).map((name) => (
        <Button
          key={name}
          variant={name === 'retire' || name === 'sendBack' || name === 'withdraw' ? 'default' : 'filled'}
          color={name === 'retire' ? 'red' : undefined}
          onClick={() => setStep(name)}
        >
          {t(`steps.${name}.button`)}
        </Button>
      ))}
      <AgreementStepModal
        document={principle}
        step={step}
        onClose={() => setStep(null)}
        texts="principles:steps"
        detailKey={principleKeys.detail(principle.id)}
        run={{
          mutate: (variables, options) => run.mutate({ principle, ...variables }, options),
          isPending: run.isPending,
        }}
      />
    </>
  );
}
