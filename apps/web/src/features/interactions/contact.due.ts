/** Whole days from the due date to today, both as calendar dates; positive when the contact is late. */
export function daysOverdue(dueOn: string, today = new Date()): number {
  const due = Date.parse(`${dueOn}T00:00:00Z`);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((now - due) / 86_400_000);
}
