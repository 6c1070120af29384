import { AppError } from '../errors.js';

/**
 * The version a client edited, from `If-Match: "<version>"` or from `version` in the body (SPEC §11).
 * Without one the write is refused with 428, so no client overwrites a change it has not seen.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  if (ifMatch !== undefined) {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!match) {
      throw new AppError('bad_request', 'If-Match must be a version such as "3"', [
        { path: 'If-Match', message: 'not a version' },
      ]);
    }
    const version = Number(match[1]);
    if (bodyVersion !== undefined && bodyVersion !== version) {
      throw new AppError('bad_request', 'If-Match and version disagree', [
        { path: 'version', message: 'differs from If-Match' },
      ]);
    }
    return version;
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw new AppError('version_required');
}

export function staleVersion(current: unknown): AppError {
  return new AppError(
    'conflict',
    'Someone changed this record after you loaded it. Nothing was saved; the current record is attached.',
    undefined,
    current,
  );
}
