import { z } from 'zod';

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error of the API is sent. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(FieldError).optional(),
  current: z.unknown().optional(),
  rowErrors: z
    .array(z.object({ row: z.number().int(), field: z.string(), message: z.string() }))
    .optional()
    .describe('a rejected import: every row error (rows are numbered from 1, after the header)'),
});
export type Problem = z.infer<typeof Problem>;
