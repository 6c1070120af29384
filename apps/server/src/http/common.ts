import { Id, Problem } from '@rapport/contracts';
import { z } from 'zod';

export const IdParams = z.object({ id: Id });

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
