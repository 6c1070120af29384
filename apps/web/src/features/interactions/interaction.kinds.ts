import type { Interaction } from '@rapport/contracts';

/** A symbol beside each kind's name so the timeline can be scanned by eye; the name is always shown too. */
export const kindSymbol: Record<Interaction['kind'], string> = {
  meeting: '👥',
  call: '📞',
  email: '✉️',
  workshop: '🧩',
  event: '🎤',
  survey: '📋',
  social_media: '💬',
  other: '•',
};

export const sentimentValues = [-2, -1, 0, 1, 2] as const;

export function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
