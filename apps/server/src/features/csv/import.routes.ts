import { PassThrough } from 'node:stream';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { ImportPreview, ImportRecord, PageQuery, pageOf, text } from '@rapport/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldErrors } from '../../errors.js';
import { IdParams, problemResponses } from '../../http/common.js';
import { problemOf } from '../../http/problem.js';
import { requirePermission } from '../auth/actor.js';
import type { ImportService } from './import.service.js';

const tags = ['imports'];

/** The largest CSV accepted: 100,000 stakeholders take about 15 MB. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

const ImportOptions = z.strictObject({
  mapping: z
    .string()
    .max(100_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.record(text().max(200), text().max(50).nullable())),
  mode: z.enum(['all', 'valid']).default('all'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

/** Reads the form fields and the one file of a multipart upload; the file must come last. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new AppError('bad_request', 'Send the file as multipart/form-data', [
      { path: 'file', message: 'missing' },
    ]);
  }
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts({
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 },
    })) {
      if (part.type === 'file') {
        const upload = part as MultipartFile;
        const bytes = await upload.toBuffer();
        file = { name: upload.filename || 'upload.csv', bytes };
      } else {
        const value = (part as MultipartValue<unknown>).value;
        fields[part.fieldname] = typeof value === 'string' ? value : String(value);
      }
    }
  } catch (error) {
    throw malformedUpload(error);
  }
  if (!file) throw new AppError('bad_request', 'No file was sent', [{ path: 'file', message: 'missing' }]);
  if (file.name.includes('\u0000')) {
    throw new AppError('bad_request', 'The file name is not valid', [
      { path: 'file', message: 'the file name must not contain the NUL character' },
    ]);
  }
  return { fields, file };
}

/**
 * The multipart parser (busboy) throws plain errors on a body it cannot read (no boundary, a part cut off,
 * a malformed part header): those are the client's, so 400. Limits (413) and our own refusals pass as they are.
 */
function malformedUpload(error: unknown): unknown {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (error instanceof AppError || (typeof status === 'number' && status < 500)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('bad_request', `The multipart/form-data body cannot be read: ${reason}`, [
    { path: 'file', message: 'the upload is malformed' },
  ]);
}

export const importRoutes: FastifyPluginAsyncZod<{ imports: ImportService }> = async (app, { imports }) => {
  app.post(
    '/imports/stakeholders/preview',
    {
      schema: {
        tags,
        summary:
          'Read a CSV (multipart part "file"): encoding, separator, columns, first rows, suggested mapping',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview, ...problemResponses },
      },
    },
    async (request) => {
      // Checked before the upload is read: nobody without the right makes the server hold 25 MB.
      requirePermission(request.actor, 'stakeholders.import');
      const { file } = await readUpload(request);
      return imports.preview(request.actor, file.name, file.bytes);
    },
  );

  app.post(
    '/imports/stakeholders',
    {
      schema: {
        tags,
        summary: 'Validate (dryRun) or import stakeholders from a CSV',
        description:
          'multipart/form-data with fields `mapping` (JSON: column → field or null), `mode` (`all`: any row error ' +
          'imports nothing, 422 with `rowErrors`; `valid`: rows with errors are skipped), `dryRun`, then the part ' +
          '`file`. With `Accept: application/x-ndjson` the answer streams `{"type":"progress","done","total"}` ' +
          'lines and ends with `{"type":"result",…}` or `{"type":"error","problem":{…}}`.',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      // Checked before the upload is read, and before a streamed answer commits to 200.
      requirePermission(request.actor, 'stakeholders.import');
      const { fields, file } = await readUpload(request);
      const parsed = ImportOptions.safeParse(fields);
      if (!parsed.success) {
        throw fieldErrors(
          'bad_request',
          parsed.error.issues.map((issue) => ({
            path: issue.path.join('.') || 'form',
            message: issue.message,
          })),
        );
      }
      const input = { fileName: file.name, bytes: file.bytes, ...parsed.data };
      if (!request.headers.accept?.includes('application/x-ndjson')) {
        return imports.run(request.actor, input);
      }
      const stream = new PassThrough();
      const line = (value: object) => stream.write(`${JSON.stringify(value)}\n`);
      reply.type('application/x-ndjson; charset=utf-8').send(stream);
      imports
        .run(request.actor, input, (done, total) => line({ type: 'progress', done, total }))
        .then((result) => line({ type: 'result', ...result }))
        .catch((error: unknown) => {
          if (error instanceof AppError) {
            line({
              type: 'error',
              problem: problemOf(error.code, error.detail, error.errors, undefined, error.extensions),
            });
          } else {
            request.log.error({ err: error }, 'import failed');
            line({ type: 'error', problem: problemOf('internal') });
          }
        })
        .finally(() => stream.end());
      return reply;
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Past imports, newest first',
        querystring: z.strictObject({ limit: PageQuery.limit, cursor: PageQuery.cursor }),
        response: { 200: pageOf(ImportRecord), ...problemResponses },
      },
    },
    (request) => imports.list(request.actor, request.query),
  );

  app.delete(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Undo an import as a whole: what it created is removed, what it changed is put back',
        params: IdParams,
        response: { 200: ImportRecord, ...problemResponses },
      },
    },
    (request) => imports.undo(request.actor, request.params.id),
  );
};
