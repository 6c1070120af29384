import type { Services } from '../../services.js';
import type { Actor } from '../auth/actor.js';
import { type Cell, cellOf, csvLines, titleOf } from './csv-cells.js';
import { fieldsOf, type ListExport } from './list-exports.js';

/** Rows asked of the list's service per page: keyset pages, so memory holds one page whatever the list's size. */
export const EXPORT_PAGE = 500;

type Row = Record<string, unknown>;

function rowCells(list: ListExport, fields: string[], row: Row): Cell[] {
  return fields.map((field) => {
    const derive = list.derived?.[field];
    return cellOf(derive ? derive(row) : row[field]);
  });
}

/**
 * A list as CSV (UTF-8, no BOM, CRLF), walking the list service's own keyset pages with the caller's filters.
 * The first page is read before anything is returned, so a refusal (401, 403, a bad filter) is still a proper
 * problem answer rather than a broken download.
 */
export async function listCsv(
  services: Services,
  list: ListExport,
  actor: Actor | null,
  query: Row,
  onRows: (rows: number) => void = () => {},
): Promise<AsyncGenerator<string>> {
  const fields = fieldsOf(list);
  const first = await list.list(services, actor, { ...query, limit: EXPORT_PAGE });
  async function* lines(): AsyncGenerator<string> {
    yield csvLines([fields.map(titleOf)]);
    let page = first;
    for (;;) {
      onRows(page.data.length);
      yield csvLines((page.data as Row[]).map((row) => rowCells(list, fields, row)));
      if (!page.nextCursor) return;
      page = await list.list(services, actor, { ...query, limit: EXPORT_PAGE, cursor: page.nextCursor });
    }
  }
  return lines();
}
