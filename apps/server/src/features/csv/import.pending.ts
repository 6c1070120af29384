/**
 * New stakeholders of an import that is still writing are stored archived at this instant, which no real archive
 * has: every reader of active stakeholders (lists, map, search, counts, groups, exports, KPIs — all filter
 * `archived_at is null`, most through partial indexes) passes them over, and the archive views leave this value
 * out. Publishing sets it back to null (import.writer.ts); a crashed import's pending rows are removed.
 */
export const PENDING_IMPORT = '0001-01-01T00:00:00.000Z';
