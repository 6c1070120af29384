import { Button } from '@mantine/core';
import type { Principle } from '@rapport/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/auth.queries';
import { AgreementStepModal } from './AgreementStepModal';
import type { AgreementStep } from './principle.mutations';

type Step = AgreementStep | 'sendBack';

/** The steps the principle's status allows and the user's role may take (approach.write / approach.agree). */
function stepsFor(principle: Principle, canWrite: boolean, canAgree: boolean): Step[] {
  if (principle.archivedAt) return [];
  const steps: Step[] = [];
  if (canWrite && principle.status === 'draft') steps.push('propose');
  if (principle.status === 'proposed') {
    if (canAgree) steps.push('agree', 'sendBack');
    else if (canWrite) steps.push('withdraw');
  }
  if (canAgree && principle.agreedVersion !== null && principle.status !== 'retired') steps.push('retire');
  return steps;
}

export function PrincipleActions({ principle, onEdit }: { principle: Principle; onEdit: () => void }) {
  const { t } = useTranslation(['principles']);
  const canWrite = useCan('approach.write');
  const canAgree = useCan('approach.agree');
  const [step, setStep] = useState<Step | null>(null);
  const editable =
    canWrite && !principle.archivedAt && (principle.status === 'draft' || principle.status === 'agreed');

  return (
    <>
      {editable && (
        <Button variant="default" onClick={onEdit}>
          {principle.status === 'agreed' ? t('actions.editAgreed') : t('actions.edit')}
        </Button>
      )}
      {stepsFor(principle, canWrite, canAgree).map((name) => (
        <Button
          key={name}
          variant={name === 'retire' || name === 'sendBack' || name === 'withdraw' ? 'default' : 'filled'}
          color={name === 'retire' ? 'red' : undefined}
          onClick={() => setStep(name)}
        >
          {t(`steps.${name}.button`)}
        </Button>
      ))}
      <AgreementStepModal principle={principle} step={step} onClose={() => setStep(null)} />
    </>
  );
}
