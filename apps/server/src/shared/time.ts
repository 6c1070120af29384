/** Every stored time is UTC ISO-8601 with milliseconds, which sorts correctly as text in both dialects. */
export const now = (): string => new Date().toISOString();

export const addDays = (iso: string, days: number): string =>
  new Date(new Date(iso).getTime() + days * 86_400_000).toISOString();
