import { readFileSync } from 'node:fs';

/**
 * Rapport's version, read from the root package.json: the one place it is written, shown by `rapport --version`,
 * `/api/v1/health`, `/api/v1/ready`, the OpenAPI document and the web app's footer.
 */
export const RAPPORT_VERSION: string = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
).version;
