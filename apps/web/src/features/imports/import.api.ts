import type { Problem } from '@rapport/contracts';
import { ApiError, apiBase } from '../../app/api';

export interface ImportPreview {
  fileName: string;
  encoding: 'utf-8' | 'gb18030';
  delimiter: ',' | ';';
  headers: string[];
  rows: string[][];
  rowCount: number;
  fields: string[];
  suggestedMapping: Record<string, string | null>;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportResult {
  importId: string | null;
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
}

export type ImportMode = 'all' | 'valid';

/** A refused import: the problem, with the rows at fault when the file had bad rows. */
export class ImportRefused extends ApiError {
  get rowErrors(): RowError[] {
    const rows = (this.problem as (Problem & { rowErrors?: RowError[] }) | null)?.rowErrors;
    return Array.isArray(rows) ? rows : [];
  }
}

export interface UploadProgress {
  /** 0–1 while the file is sent. */
  onUpload?: (fraction: number) => void;
  /** Rows the server has worked through, when it reports them. */
  onRows?: (done: number, total: number) => void;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refusal(status: number, payload: unknown): ImportRefused {
  const problem = payload && typeof payload === 'object' && 'status' in payload ? (payload as Problem) : null;
  return new ImportRefused(status, problem ?? { type: 'about:blank', title: `HTTP ${status}`, status });
}

/**
 * Sends a multipart form with XMLHttpRequest, because fetch cannot report upload progress. With
 * `stream`, the server answers in NDJSON lines (progress, then a result or an error), read as they come.
 */
export function upload<T>(
  path: string,
  form: FormData,
  progress: UploadProgress = {},
  stream = false,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', stream ? 'application/x-ndjson, application/json' : 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) progress.onUpload?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => progress.onUpload?.(1);

    let read = 0;
    let final: { type: string; [key: string]: unknown } | null = null;
    const readLines = () => {
      if (!(xhr.getResponseHeader('Content-Type') ?? '').includes('ndjson')) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < read) return;
      for (const line of text.slice(read, end).split('\n')) {
        const message = parseJson(line.trim()) as
          | { type?: string; done?: number; total?: number }
          | undefined;
        if (!message?.type) continue;
        if (message.type === 'progress') progress.onRows?.(message.done ?? 0, message.total ?? 0);
        else final = message as { type: string };
      }
      read = end + 1;
    };
    xhr.onprogress = readLines;
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onload = () => {
      const isStream = (xhr.getResponseHeader('Content-Type') ?? '').includes('ndjson');
      if (isStream) {
        readLines();
        const rest = parseJson(xhr.responseText.slice(read).trim()) as { type: string } | undefined;
        if (rest?.type) final = rest;
        const done = final as { type: string; problem?: Problem; [key: string]: unknown } | null;
        if (done?.type === 'result') {
          const { type: _type, ...result } = done;
          resolve(result as T);
        } else reject(refusal(done?.problem?.status ?? 500, done?.problem ?? null));
        return;
      }
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(refusal(xhr.status, payload));
    };
    xhr.send(form);
  });
}

export function previewImport(file: File, progress?: UploadProgress): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file);
  return upload<ImportPreview>('/imports/stakeholders/preview', form, progress);
}

export function runImport(
  file: File,
  options: { mapping: Record<string, string | null>; mode: ImportMode; dryRun: boolean },
  progress?: UploadProgress,
): Promise<ImportResult> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(options.mapping));
  form.append('mode', options.mode);
  form.append('dryRun', String(options.dryRun));
  // The server reads the parts in order and streams the file last.
  form.append('file', file);
  return upload<ImportResult>('/imports/stakeholders', form, progress, true);
}
