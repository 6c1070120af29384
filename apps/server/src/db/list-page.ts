import { type SelectQueryBuilder, sql } from 'kysely';
import { containsPattern } from '../shared/json.js';
import { applyKeyset, keysetOf, type Page, pageFrom } from '../shared/pagination.js';

export interface ListOptions {
  sort: string;
  /** API sort field → column; every one of them has an index on (column, id). */
  sortColumns: Record<string, string>;
  cursor?: string;
  limit: number;
  count?: boolean;
}

/** `archived=false|true|only` and `q` (a literal substring of the lower-cased sort_name), as every list has them. */
export function withCommonFilters<DB, TB extends keyof DB & string, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  table: TB,
  filters: { archived: 'false' | 'true' | 'only'; q?: string },
): SelectQueryBuilder<DB, TB, O> {
  const archivedAt = sql.ref(`${table}.archived_at`);
  const sortName = sql.ref(`${table}.sort_name`);
  return query
    .$if(filters.archived === 'false', (q) => q.where(sql<boolean>`${archivedAt} is null`))
    .$if(filters.archived === 'only', (q) => q.where(sql<boolean>`${archivedAt} is not null`))
    .$if(Boolean(filters.q), (q) =>
      q.where(sql<boolean>`${sortName} like ${containsPattern(filters.q as string)} escape '\\'`),
    );
}

/** One keyset page of `table`'s rows matching `query`, and their total when asked for. */
export async function listPage<DB, TB extends keyof DB & string, Row extends { id: string }, T>(
  query: SelectQueryBuilder<DB, TB, object>,
  table: TB,
  options: ListOptions,
  present: (row: Row) => T,
): Promise<Page<T>> {
  const keyset = keysetOf(options.sort, options.sortColumns);
  const rows = (await applyKeyset(query.selectAll(table as never), keyset, options.cursor, table)
    .limit(options.limit + 1)
    .execute()) as unknown as Row[];
  const page = pageFrom(rows, options.limit, keyset, present);
  if (options.count) {
    const counted = (await query
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()) as { n: number | string };
    page.total = Number(counted.n);
  }
  return page;
}
