import { Id, Problem, Version } from '@rapport/contracts';
import { z } from 'zod';

export const IdParams = z.object({ id: Id });

/** DELETE and restore may carry the version in the body instead of If-Match (SPEC §11); the body is optional. */
export const VersionBody = z.strictObject({ version: Version.optional() }).nullish();

export const IfMatchHeaders = z.object({
  'if-match': z.string().max(50).optional().describe('"<version>" of the record you edited'),
});

/** The error answers every endpoint may give, for the OpenAPI document. */
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  413: Problem,
  422: Problem,
  428: Problem,
  429: Problem,
};
