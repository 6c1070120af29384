import { z } from 'zod';
import { Id, IsoDateTime } from './limits.js';

export const ImportRecord = z.object({
  id: Id,
  fileName: z.string(),
  actorId: Id.nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  createdAt: IsoDateTime,
  undoneAt: IsoDateTime.nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const ImportPreview = z.object({
  fileName: z.string(),
  encoding: z.enum(['utf-8', 'gb18030']),
  delimiter: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  fields: z.array(z.string()),
  suggestedMapping: z.record(z.string(), z.string().nullable()),
});

export const RowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type RowError = z.infer<typeof RowError>;

export const ImportResult = z.object({
  importId: Id.nullable(),
  dryRun: z.boolean(),
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(RowError),
});
export type ImportResult = z.infer<typeof ImportResult>;
