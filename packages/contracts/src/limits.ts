import { z } from 'zod';

/** SPEC §11 limits: over a limit is a field error. */
export const limits = {
  name: 200,
  shortText: 2000,
  longText: 100_000,
  listItems: 100,
  bodyBytes: 1024 * 1024,
  pageSizeMax: 200,
  pageSizeDefault: 50,
  /** The largest integer an integer column holds on PostgreSQL; past it a query fails rather than misses. */
  integer: 2_147_483_647,
} as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is exactly what it refuses
const withoutNul = /^[^\u0000]*$/;

/**
 * The one string schema of every text the API accepts (bodies, query strings, path parameters): it refuses
 * U+0000, which PostgreSQL cannot store in text and SQLite would keep, so a backup of either database can
 * always be restored into the other. The pattern shows in the OpenAPI document.
 */
export function text() {
  return z.string().regex(withoutNul, 'must not contain the NUL character');
}

export const Name = text().trim().min(1).max(limits.name);
export const ShortText = text().max(limits.shortText);
export const LongText = text().max(limits.longText);
export const Id = text().min(1).max(64);
export const IsoDateTime = text().describe('ISO-8601 time with offset');
export const IsoDate = z.iso.date().describe('YYYY-MM-DD');
export const Email = text().trim().toLowerCase().max(limits.name).pipe(z.email());
export const Version = z.number().int().min(1).max(limits.integer);

export function boundedList<T extends z.ZodType>(item: T) {
  return z.array(item).max(limits.listItems);
}

/** Query-string parameters arrive as strings; this accepts the usual spellings of a boolean. */
export const QueryBoolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(limits.pageSizeDefault),
  cursor: text().max(1000).optional(),
  count: QueryBoolean.optional(),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().optional(),
  });
}
