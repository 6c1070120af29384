import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { AppError } from '../errors.js';

export interface Keyset {
  /** Column that orders the list; `id` breaks ties so the order is total. */
  column: string;
  direction: 'asc' | 'desc';
  /** The column may be NULL: those rows come last in either direction. */
  nullable?: boolean;
}

type CursorValue = string | number | null;

/**
 * `name` or `-name` → a keyset over the column the API field maps to. A column named with a trailing `?`
 * (e.g. `due_on?`) may hold NULL.
 */
export function keysetOf(sort: string, columns: Record<string, string>): Keyset {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const named = columns[field];
  if (!named)
    throw new AppError('bad_request', `Cannot sort by ${field}`, [{ path: 'sort', message: 'unknown sort' }]);
  const nullable = named.endsWith('?');
  return { column: nullable ? named.slice(0, -1) : named, direction: descending ? 'desc' : 'asc', nullable };
}

export function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Only what encodeCursor writes: PostgreSQL cannot compare with a NUL character or an unsafe number.
    const plainText = (value: unknown) => typeof value === 'string' && !value.includes('\u0000');
    const safeNumber = (value: unknown) =>
      typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (plainText(parsed[0]) || safeNumber(parsed[0]) || parsed[0] === null) &&
      plainText(parsed[1])
    ) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // falls through to the field error below
  }
  throw new AppError('bad_request', 'The cursor is not one this API gave out', [
    { path: 'cursor', message: 'invalid cursor' },
  ]);
}

/** Orders by the keyset and, with a cursor, starts right after the row it names. */
export function applyKeyset<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keyset: Keyset,
  cursor: string | undefined,
  table: string,
): SelectQueryBuilder<DB, TB, O> {
  const column = sql.ref(`${table}.${keyset.column}`);
  const id = sql.ref(`${table}.id`);
  const op = keyset.direction === 'asc' ? sql`>` : sql`<`;
  let ordered = query
    .orderBy(sql`${column} ${sql.raw(keyset.direction)}${sql.raw(keyset.nullable ? ' nulls last' : '')}`)
    .orderBy(sql`${id} ${sql.raw(keyset.direction)}`);
  if (cursor && keyset.nullable) {
    const [value, lastId] = decodeCursor(cursor);
    // Rows without a value come after all others, ordered by id among themselves.
    ordered = ordered.where((_eb: ExpressionBuilder<DB, TB>) =>
      value === null
        ? sql<boolean>`(${column} is null and ${id} ${op} ${lastId})`
        : sql<boolean>`((${column}, ${id}) ${op} (${value}, ${lastId}) or ${column} is null)`,
    );
  } else if (cursor) {
    const [value, lastId] = decodeCursor(cursor);
    // A row-value comparison is one index range in both SQLite and PostgreSQL; the equivalent OR is not.
    ordered = ordered.where(
      (_eb: ExpressionBuilder<DB, TB>) => sql<boolean>`(${column}, ${id}) ${op} (${value}, ${lastId})`,
    );
  }
  return ordered;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  total?: number;
}

/** Rows were fetched with limit + 1: the extra row only says whether another page exists. */
export function pageFrom<Row extends { id: string }, T>(
  rows: Row[],
  limit: number,
  keyset: Keyset,
  present: (row: Row) => T,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  const nextCursor =
    hasMore && last
      ? encodeCursor((last as Record<string, unknown>)[keyset.column] as CursorValue, last.id)
      : null;
  return { data: pageRows.map(present), nextCursor };
}
