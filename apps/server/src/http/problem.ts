import type { FieldError, Problem } from '@rapport/contracts';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorCodes } from '../errors.js';
import { keepOversizedAnswerReadable } from './oversized-body.js';

const codeByStatus = new Map<number, ErrorCode>(
  (Object.entries(errorCodes) as [ErrorCode, { status: number }][])
    .reverse()
    .map(([code, { status }]) => [status, code]),
);

export { problemOf };

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

function problemOf(
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
  current?: unknown,
  extensions?: Record<string, unknown>,
): Problem {
  const { status, title } = errorCodes[code];
  return {
    ...extensions,
    type: `https://rapport.dev/problems/${code.replaceAll('_', '-')}`,
    title,
    status,
    ...(detail !== undefined && { detail }),
    ...(errors !== undefined && { errors }),
    ...(current !== undefined && { current }),
  };
}

type ValidationIssue = {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
};

/** One field error per problem, named by its path (`emails.1`); unknown fields are named one by one. */
function fieldErrorsOf(issues: ValidationIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      return (issue.params.keys as string[]).map((key) => ({
        path: `${base ? `${base}.` : ''}${key}`,
        message: 'unknown field',
      }));
    }
    return [{ path: base || '(body)', message: issue.message ?? 'invalid' }];
  });
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        problemOf(error.code, error.detail, error.errors, error.current, error.extensions),
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsOf(error.validation as ValidationIssue[]);
      return sendProblem(reply, problemOf('bad_request', `${errors.length} field(s) are not valid`, errors));
    }
    if (isUniqueViolation(error)) {
      // The checks before a write passed, but another request wrote the same key in between.
      return sendProblem(
        reply,
        problemOf('already_exists', 'Another record was saved with the same key just now'),
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      // A JSON body over 1 MB, or an upload over its own limit (multipart says which).
      const detail =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'A request body may be 1 MB at most' : error.message;
      keepOversizedAnswerReadable(request, reply);
      return sendProblem(reply, problemOf('payload_too_large', detail));
    }
    if (status >= 400 && status < 500) {
      const code = codeByStatus.get(status) ?? 'bad_request';
      return sendProblem(reply, problemOf(code, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problemOf('internal'));
  });
}

/** SQLite (better-sqlite3) and PostgreSQL (pg) name a unique-constraint violation differently. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export const notFoundProblem = (reply: FastifyReply, path: string) =>
  sendProblem(reply, problemOf('not_found', `Nothing at ${path}`));
