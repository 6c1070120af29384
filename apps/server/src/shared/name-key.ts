// Legal-form words that do not tell two organisations apart ("Acme Ltd" is "ACME Limited").
const suffixWords = new Set([
  'ltd',
  'limited',
  'inc',
  'co',
  'corp',
  'corporation',
  'llc',
  'gmbh',
  'ag',
  'plc',
  'sa',
  'the',
]);
const chineseSuffixes = ['股份有限公司', '有限责任公司', '有限公司', '公司', '集团'];

/**
 * A key under which likely duplicates meet: Unicode-normalised, case-folded, punctuation and legal forms
 * dropped, words sorted (so "Li Wei" meets "Wei Li"), spaces removed (so "王 芳" meets "王芳").
 */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && !suffixWords.has(word))
    .sort();
  let key = words.join('');
  for (const suffix of chineseSuffixes) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      key = key.slice(0, -suffix.length);
      break;
    }
  }
  return key;
}
