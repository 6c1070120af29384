import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FieldError, Problem } from '@rapport/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable.js';
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
    if (isDataException(error)) {
      // PostgreSQL refused a value the request carried (text for a number, a number out of range): the
      // schemas stop what they can name, this stops the rest, e.g. a hand-made cursor. SQLite never refuses.
      request.log.warn({ err: error }, 'the database refused a value of the request');
      return sendProblem(
        reply,
        problemOf('bad_request', 'A value in the request does not fit where it goes'),
      );
    }
    if (isUniqueViolation(error)) {
      // The checks before a write passed, but another request wrote the same key in between.
      return sendProblem(
        reply,
        problemOf('already_exists', 'Another record was saved with the same key just now'),
      );
    }
    if (isDatabaseUnavailable(error)) {
      // The database went away or stayed busy: nothing was written, and the client may simply try again.
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '1');
      return sendProblem(
        reply,
        problemOf('unavailable', 'The database is not available just now; try again'),
      );
    }
    // A body over the limit: the client is still sending it; keep the answer readable (oversized-body.ts).
    if (error.statusCode === 413) keepOversizedAnswerReadable(request, reply);
    const problem = problemOfFastifyError(error);
    if (problem) return sendProblem(reply, problem);
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problemOf('internal'));
  });
}

/** Fastify's own refusals, by its error code, when the status it gives is not the one the API promises. */
const codeOfFastifyError: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  // @fastify/multipart says 406 (Not Acceptable), which is about the answer's type, not the body's.
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_INVALID_JSON_FIELD_ERROR: 'bad_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

/**
 * The problem document of an error Fastify or one of its plugins raised about the request (bad URL, body
 * type, size, JSON, multipart): always problem+json with the status the error carries when the API knows
 * it, else 400. `undefined` for errors that are not the client's (5xx): those are the server's to log.
 */
function problemOfFastifyError(error: FastifyError): Problem | undefined {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  if (status === 413) {
    // A JSON body over 1 MB, or an upload over its own limit (multipart says which).
    const detail =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'A request body may be 1 MB at most' : error.message;
    return problemOf('payload_too_large', detail);
  }
  const code = codeOfFastifyError[error.code] ?? codeByStatus.get(status) ?? 'bad_request';
  return problemOf(code, error.message);
}

/** Fastify's `frameworkErrors`: a URL that is not valid %-encoding (400) or has a too long parameter (414). */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(reply, problemOfFastifyError(error) ?? problemOf('bad_request', error.message));
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before any route sees it (headers or an
 * address over 16 KB, a malformed request line) is answered with problem+json too, then the socket closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'bad_request';
  if (socket.writable) {
    const body = JSON.stringify(problemOf(code));
    const { status } = errorCodes[code];
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** PostgreSQL's class 22 "data exception": invalid text for a type, out of range, a NUL character. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) && 'severity' in (error as object);
}

/** SQLite (better-sqlite3) and PostgreSQL (pg) name a unique-constraint violation differently. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export const notFoundProblem = (reply: FastifyReply, path: string) =>
  sendProblem(reply, problemOf('not_found', `Nothing at ${path}`));
