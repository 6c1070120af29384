import type { FieldError, RowError } from '@rapport/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fieldErrors } from '../../errors.js';
import type { CsvTable } from './csv-reader.js';
import { upsertTargets, userIdsByEmail } from './import.repository.js';
import { type ConvertedRow, convertRow, importFields, type Mapping } from './stakeholder-import.rules.js';

const required = ['name', 'category', 'influence', 'interest'] as const;

export function checkMapping(headers: string[], mapping: Record<string, string | null>): Mapping {
  const errors: FieldError[] = [];
  for (const [header, field] of Object.entries(mapping)) {
    if (!headers.includes(header))
      errors.push({ path: `mapping.${header}`, message: 'no such column in the file' });
    if (field !== null && !(importFields as readonly string[]).includes(field)) {
      errors.push({ path: `mapping.${header}`, message: `${field} is not a field that can be imported` });
    }
  }
  const fields = Object.values(mapping);
  for (const field of required) {
    if (!fields.includes(field))
      errors.push({ path: 'mapping', message: `a column must be mapped to ${field}` });
  }
  const mapped = fields.filter((field): field is string => field !== null);
  if (new Set(mapped).size !== mapped.length)
    errors.push({ path: 'mapping', message: 'each field from one column only' });
  if (errors.length > 0) throw fieldErrors('bad_request', errors);
  return mapping as Mapping;
}

export interface PlannedRow {
  rowNumber: number;
  row: ConvertedRow;
  /** The stakeholder this row updates, found by external reference or e-mail; none: it creates one. */
  existingId: string | undefined;
}

/**
 * Decides, before anything is written, what each row does: its errors, or whether it creates a stakeholder or
 * updates one. Owners and upsert targets are looked up in chunked queries, never one per row.
 */
export async function planImport(db: Kysely<DB>, table: CsvTable, mapping: Mapping) {
  const errors: RowError[] = [];
  const converted: { rowNumber: number; row: ConvertedRow }[] = [];
  table.rows.forEach((cells, index) => {
    const result = convertRow(table.headers, cells, mapping);
    if (result.ok) converted.push({ rowNumber: index + 1, row: result.row });
    else
      for (const error of result.errors)
        errors.push({ row: index + 1, field: error.path, message: error.message });
  });

  const owners = await userIdsByEmail(
    db,
    converted.flatMap(({ row }) => (row.ownerEmail ? [row.ownerEmail] : [])),
  );
  const { byRef, byEmail, archivedIds } = await upsertTargets(
    db,
    converted.flatMap(({ row }) => (row.input.externalRef ? [row.input.externalRef] : [])),
    converted.flatMap(({ row }) => row.input.emails.slice(0, 1)),
  );
  const seenKeys = new Map<string, number>();
  const planned: { rowNumber: number; row: ConvertedRow; existingId: string | undefined }[] = [];
  for (const item of converted) {
    const { input, ownerEmail } = item.row;
    const rowErrors: RowError[] = [];
    if (ownerEmail && !owners.has(ownerEmail)) {
      rowErrors.push({
        row: item.rowNumber,
        field: 'ownerEmail',
        message: `no active user ${ownerEmail}`,
      });
    }
    const key = input.externalRef
      ? `ref:${input.externalRef}`
      : input.emails[0]
        ? `email:${input.emails[0]}`
        : null;
    const field = input.externalRef ? 'externalRef' : 'emails';
    const existingId = input.externalRef
      ? byRef.get(input.externalRef)
      : input.emails[0]
        ? byEmail.get(input.emails[0])
        : undefined;
    // Two rows may reach one stakeholder by different keys (one by reference, one by e-mail): the target counts.
    const target = existingId ? `id:${existingId}` : key;
    if (target && seenKeys.has(target)) {
      rowErrors.push({
        row: item.rowNumber,
        field,
        message: `the same stakeholder as row ${seenKeys.get(target)}`,
      });
    }
    if (target) seenKeys.set(target, item.rowNumber);
    if (existingId && archivedIds.has(existingId)) {
      rowErrors.push({
        row: item.rowNumber,
        field,
        message: 'belongs to an archived stakeholder: restore it first',
      });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else planned.push({ ...item, existingId });
  }
  errors.sort((a, b) => a.row - b.row);
  return { planned, errors, owners };
}
