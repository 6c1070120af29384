import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Noto Sans SC (SIL Open Font Licence) from an npm package, so `rapport report` prints Chinese on any machine
 * with nothing else installed. It also holds Latin glyphs, so one family serves both languages and Chinese
 * names inside an English report. pdfkit embeds only the glyphs a report uses (a subset), so a report
 * stays tens of kilobytes although each file is 10 MB. The files are read once per process.
 */
const files = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type FontWeight = keyof typeof files;

const loaded = new Map<FontWeight, Buffer>();

export function fontBytes(weight: FontWeight): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = fs.readFileSync(require.resolve(files[weight]));
    loaded.set(weight, bytes);
  }
  return bytes;
}
