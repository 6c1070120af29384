import { type FieldError, PASSWORD_COMMON, PASSWORD_GUESSABLE } from '@rapport/contracts';
import type { z } from 'zod';
import { isApiError } from './api';
import i18n from './i18n';

const t = i18n.t.bind(i18n);

export type FieldErrors = Record<string, string>;

/**
 * The form field an error belongs to. `emails.1` names the second e-mail of the `emails` field; the
 * form shows one message per field, so list errors are shown on the list input with the item named.
 */
function fieldOf(path: readonly PropertyKey[]): { field: string; index: number | null } {
  const [first, second] = path;
  return { field: String(first ?? ''), index: typeof second === 'number' ? second : null };
}

function addError(errors: FieldErrors, field: string, message: string) {
  errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
}

/** Contracts name a number's whole range in their message ("from 1 to 5"): shown translated when they do. */
function rangeOf(issue: z.core.$ZodIssue): { min: number; max: number } | null {
  const match = /^from (\d+) to (\d+)/.exec(issue.message);
  return match ? { min: Number(match[1]), max: Number(match[2]) } : null;
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  const range = rangeOf(issue);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('common:validation.required');
      if (issue.origin === 'string')
        return t('common:validation.minLength', { count: Number(issue.minimum) });
      if (issue.origin === 'number' || issue.origin === 'int')
        return range
          ? t('common:validation.range', range)
          : t('common:validation.atLeast', { min: Number(issue.minimum) });
      return t('common:validation.tooFew', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string')
        return t('common:validation.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'number' || issue.origin === 'int')
        return range
          ? t('common:validation.range', range)
          : t('common:validation.atMost', { max: Number(issue.maximum) });
      return t('common:validation.tooMany', { count: Number(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || Number.isNaN(issue.input)
        ? t('common:validation.required')
        : issue.expected === 'int' || issue.expected === 'number'
          ? t('common:validation.wholeNumber')
          : t('common:validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('common:validation.email') : t('common:validation.invalid');
    case 'invalid_value':
      return t('common:validation.choose');
    case 'unrecognized_keys':
      return t('common:validation.invalid');
    default:
      return issue.message;
  }
}

/** Every issue of a failed client-side validation, keyed by form field, translated. */
export function zodFieldErrors(error: z.ZodError, values?: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const { field, index } = fieldOf(issue.path);
    const message = issueMessage(issue);
    const list = values?.[field];
    const item = index !== null && Array.isArray(list) ? list[index] : undefined;
    addError(errors, field, item !== undefined ? `“${String(item)}”: ${message}` : message);
  }
  return errors;
}

/** Field errors only the server can find (e.g. a breached password), shown in the reader's language. */
const serverMessages: Record<string, () => string> = {
  [PASSWORD_COMMON]: () => t('common:validation.passwordCommon'),
  [PASSWORD_GUESSABLE]: () => t('common:validation.passwordGuessable'),
};

/** The server's field errors (`errors[].path`), keyed by form field. */
export function serverFieldErrors(fieldErrors: FieldError[], values?: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message: sent } of fieldErrors) {
    const message = serverMessages[sent]?.() ?? sent;
    const [field = '', indexText] = path.split('.');
    const index = indexText !== undefined && /^\d+$/.test(indexText) ? Number(indexText) : null;
    const list = values?.[field];
    const item = index !== null && Array.isArray(list) ? list[index] : undefined;
    addError(errors, field, item !== undefined ? `“${String(item)}”: ${message}` : message);
  }
  return errors;
}

/** Splits an API failure into field errors (to mark inputs) and a message for the rest. */
export function describeSubmitError(
  error: unknown,
  knownFields: readonly string[],
  values?: Record<string, unknown>,
): { fields: FieldErrors; general: string | null } {
  if (!isApiError(error)) return { fields: {}, general: t('common:errors.network') };
  const fields = serverFieldErrors(error.fieldErrors, values);
  const unknown = Object.keys(fields).filter((field) => !knownFields.includes(field));
  const general =
    Object.keys(fields).length === 0 || unknown.length > 0
      ? [problemText(error), ...unknown.map((field) => `${field}: ${fields[field]}`)].join(' ')
      : null;
  return { fields, general };
}

export function problemText(error: unknown): string {
  if (!isApiError(error)) return t('common:errors.network');
  switch (error.status) {
    case 401:
      return t('common:errors.unauthorized');
    case 403:
      return t('common:errors.forbidden');
    case 404:
      return t('common:errors.notFound');
    case 429:
      return t('common:errors.tooManyRequests');
    default:
      if (error.status >= 500) return t('common:errors.server');
      return error.problem?.detail ?? error.problem?.title ?? t('common:errors.unexpected');
  }
}
