#!/usr/bin/env node
// Rapport runs from its TypeScript source: tsx compiles it on load, so there is no build step to forget.
import { readFileSync } from 'node:fs';

const [, , first, ...rest] = process.argv;
if ((first === '--version' || first === '-V') && rest.length === 0) {
  // Answered before the whole application is compiled and loaded: the version is the root package.json's.
  const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  console.log(version);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
