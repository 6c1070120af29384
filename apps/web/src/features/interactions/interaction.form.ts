import type { Interaction } from '@rapport/contracts';
import { isApiError } from '../../app/api';
import { type FieldErrors, problemText } from '../../app/forms';
import type { InteractionBody } from './interaction.mutations';

export interface FollowUpRow {
  /** Only to keep each row's inputs in place while rows are added and removed. */
  key: number;
  text: string;
  ownerId: string | null;
  dueOn: string;
}

export interface InteractionFormValues {
  kind: Interaction['kind'];
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone, as a datetime-local input holds it. */
  occurredAt: string;
  summary: string;
  sentiment: number | null;
  participantUserIds: string[];
  participantStakeholderIds: string[];
  confidential: boolean;
  followUps: FollowUpRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function localNow(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyInteractionForm(): InteractionFormValues {
  return {
    kind: 'meeting',
    occurredAt: localNow(),
    summary: '',
    sentiment: null,
    participantUserIds: [],
    participantStakeholderIds: [],
    confidential: false,
    followUps: [],
  };
}

/** The request body; the local date and time becomes an instant, which the server keeps with its offset. */
export function interactionBody(
  values: InteractionFormValues,
  target: { relationshipId: string | null; stakeholderId: string | null },
): InteractionBody {
  return {
    relationshipId: target.relationshipId,
    ...(target.stakeholderId && { stakeholderId: target.stakeholderId }),
    kind: values.kind,
    occurredAt: new Date(values.occurredAt).toISOString(),
    summary: values.summary.trim(),
    sentiment: values.sentiment,
    confidential: values.confidential,
    participantUserIds: values.participantUserIds,
    participantStakeholderIds: values.participantStakeholderIds,
    followUps: values.followUps.map((row) => ({
      text: row.text.trim(),
      ownerId: row.ownerId,
      dueOn: row.dueOn || null,
    })),
  };
}

/** What the form can check itself: a date and time, and a text for every action row. */
export function checkInteractionForm(values: InteractionFormValues, required: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.occurredAt || Number.isNaN(new Date(values.occurredAt).getTime())) errors.occurredAt = required;
  values.followUps.forEach((row, index) => {
    if (!row.text.trim()) errors[`followUps.${index}.text`] = required;
  });
  return errors;
}

const topFields = [
  'kind',
  'occurredAt',
  'summary',
  'sentiment',
  'confidential',
  'participantUserIds',
  'participantStakeholderIds',
  'followUps',
];

/** The input an error path belongs to: an action's own input (`followUps.0.ownerId`), else the top field. */
function inputOf(path: string): string | null {
  if (/^followUps\.\d+\.(text|ownerId|dueOn)$/.test(path)) return path;
  const top = path.split('.')[0] ?? '';
  return topFields.includes(top) ? top : null;
}

/** The server's answer as messages on the inputs they concern, and one message for the rest. */
export function interactionSubmitErrors(error: unknown): { fields: FieldErrors; general: string | null } {
  if (!isApiError(error) || error.fieldErrors.length === 0)
    return { fields: {}, general: problemText(error) };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const { path, message } of error.fieldErrors) {
    const input = inputOf(path);
    if (input) fields[input] = fields[input] ? `${fields[input]} ${message}` : message;
    else rest.push(`${path}: ${message}`);
  }
  return { fields, general: rest.length ? [problemText(error), ...rest].join(' ') : null };
}
