import type { Relationship } from '@rapport/contracts';
import { useUserOptions } from '../admin/user.queries';

/** The names of the steps it is in now, in journey order (a key the journey no longer has shows as is). */
export function currentStepNames(relationship: Relationship): string[] {
  const steps = relationship.journey?.steps ?? [];
  const inJourney = steps.filter((step) => relationship.currentSteps.includes(step.key)).map((s) => s.name);
  const unknown = relationship.currentSteps.filter((key) => !steps.some((step) => step.key === key));
  return [...inJourney, ...unknown];
}

/** A user's name by id, from the list of users (one request per page, cached). */
export function useUserName(): (id: string | null) => string | null {
  const users = useUserOptions();
  return (id) => (id ? (users.data?.find((user) => user.id === id)?.name ?? '…') : null);
}
