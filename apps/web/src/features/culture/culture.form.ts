import {
  type CommunalityDimension,
  type CultureAssessment,
  CultureAssessmentCreate,
  communalityDimensions,
  type FieldError,
  type InterpersonalType,
  type ToxicPrevalence,
} from '@rapport/contracts';
import type { z } from 'zod';
import { type FieldErrors, issueMessage } from '../../app/forms';

/** What the inputs hold: a dimension or the type may be unanswered while the form is filled in. */
export interface CultureFormValues {
  title: string;
  orgUnitId: string | null;
  assessedOn: string;
  scores: Record<CommunalityDimension, number | null>;
  dominantType: InterpersonalType | null;
  toxicBehaviours: ToxicPrevalence;
  strengths: string;
  risks: string;
  strategicRequirements: string;
  notes: string;
}

/** Today in the user's own calendar, as the `YYYY-MM-DD` a date input holds. */
function today(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

export function emptyValues(orgUnitId: string | null = null): CultureFormValues {
  return {
    title: '',
    orgUnitId,
    assessedOn: today(),
    scores: Object.fromEntries(communalityDimensions.map((dimension) => [dimension, null])) as Record<
      CommunalityDimension,
      null
    >,
    dominantType: null,
    toxicBehaviours: { criticism: 'never', defensiveness: 'never', contempt: 'never', stonewalling: 'never' },
    strengths: '',
    risks: '',
    strategicRequirements: '',
    notes: '',
  };
}

export function valuesOf(assessment: CultureAssessment): CultureFormValues {
  return {
    title: assessment.title,
    orgUnitId: assessment.orgUnitId,
    assessedOn: assessment.assessedOn,
    scores: { ...assessment.scores },
    dominantType: assessment.dominantType,
    toxicBehaviours: { ...assessment.toxicBehaviours },
    strengths: assessment.strengths,
    risks: assessment.risks,
    strategicRequirements: assessment.strategicRequirements,
    notes: assessment.notes,
  };
}

/** The whole record is sent on edit too: the form shows every field, so what it shows is what is saved. */
export function parseValues(values: CultureFormValues) {
  return CultureAssessmentCreate.safeParse({
    ...values,
    scores: Object.fromEntries(
      Object.entries(values.scores).map(([dimension, score]) => [dimension, score ?? undefined]),
    ),
    dominantType: values.dominantType ?? undefined,
  });
}

/**
 * Errors keyed by their full path (`scores.controlTrust`), because each dimension and each behaviour is
 * an input of its own; the generic form helpers key by the first segment only.
 */
export function issuesByPath(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issueMessage(issue);
  }
  return errors;
}

export function serverErrorsByPath(fieldErrors: readonly FieldError[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of fieldErrors)
    errors[path] = errors[path] ? `${errors[path]} ${message}` : message;
  return errors;
}

/** Every path the form has an input for; a server error elsewhere is shown above the form. */
export function knownPath(path: string): boolean {
  const [field, part] = path.split('.');
  if (field === 'scores') return (communalityDimensions as readonly string[]).includes(part ?? '');
  if (field === 'toxicBehaviours') return part !== undefined;
  return [
    'title',
    'orgUnitId',
    'assessedOn',
    'dominantType',
    'strengths',
    'risks',
    'strategicRequirements',
    'notes',
  ].includes(path);
}
