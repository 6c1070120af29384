import type { AgreementStatus } from '@rapport/contracts';

/** The workflow endpoints shared by principles and relationship models. */
export type AgreementStep = 'propose' | 'withdraw' | 'agree' | 'retire';

/** "Send back" is the agreer's name for withdrawing a proposal: the same request, said from their side. */
export type WorkflowAction = AgreementStep | 'sendBack';

export const endpointOf = (action: WorkflowAction): AgreementStep =>
  action === 'sendBack' ? 'withdraw' : action;

export interface AgreedDocument {
  id: string;
  status: AgreementStatus;
  currentVersion: number;
  agreedVersion: number | null;
  archivedAt: string | null;
  version: number;
}

/** The steps the document's status allows and the user's role may take (approach.write / approach.agree). */
export function workflowActions(
  document: AgreedDocument,
  canWrite: boolean,
  canAgree: boolean,
): WorkflowAction[] {
  if (document.archivedAt) return [];
  const actions: WorkflowAction[] = [];
  if (canWrite && document.status === 'draft') actions.push('propose');
  if (document.status === 'proposed') {
    if (canAgree) actions.push('agree', 'sendBack');
    else if (canWrite) actions.push('withdraw');
  }
  if (canAgree && document.agreedVersion !== null && document.status !== 'retired') actions.push('retire');
  return actions;
}
