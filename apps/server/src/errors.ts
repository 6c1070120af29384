import type { FieldError } from '@rapport/contracts';

/** The closed list of error codes the API may answer with, and their HTTP status. */
export const errorCodes = {
  bad_request: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'The record was changed by someone else' },
  already_exists: { status: 409, title: 'It exists already' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  uri_too_long: { status: 414, title: 'The address is too long' },
  unsupported_media_type: { status: 415, title: 'The body is not in a type this endpoint reads' },
  version_required: { status: 428, title: 'Send the version you edited (If-Match or "version")' },
  rule_broken: { status: 422, title: 'The request breaks a rule' },
  too_many_requests: { status: 429, title: 'Too many requests; wait a moment' },
  headers_too_large: { status: 431, title: 'The request headers (or the address) are too large' },
  unavailable: { status: 503, title: 'The service is not available' },
  internal: { status: 500, title: 'Something went wrong on our side' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly current?: unknown,
    /** Further members of the problem document, e.g. `rowErrors` of a rejected import. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? errorCodes[code].title);
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError('not_found', `No ${entity} with id ${id}`);

export const fieldErrors = (code: ErrorCode, errors: FieldError[], detail?: string) =>
  new AppError(code, detail ?? errors.map((error) => `${error.path}: ${error.message}`).join('; '), errors);
