export const toJson = (value: unknown): string => JSON.stringify(value);

export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

export const fromJsonList = (text: string): string[] => JSON.parse(text) as string[];

/** A LIKE pattern that matches `needle` literally anywhere; both sides are lower-cased by the caller. */
export function containsPattern(needle: string): string {
  return `%${needle.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
