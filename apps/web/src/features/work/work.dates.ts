/** Today as a calendar date (`YYYY-MM-DD`) where the user is, which is how due dates are meant. */
export function localToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Whole days from `today` to `isoDate`: negative when it is past, 0 when it is today. */
export function daysUntil(isoDate: string, today: string): number {
  const day = 86_400_000;
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / day);
}
