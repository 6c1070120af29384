import type { ValueChainLevel } from '@rapport/contracts';

/**
 * The shading of each level (Mantine indigo), with a text colour that keeps 4.5:1 contrast on it.
 * The level is always written in the cell too, so colour is never the only sign of it.
 */
export const levelShades: Record<ValueChainLevel, { background: string; text: string }> = {
  none: { background: '#f1f3f5', text: '#212529' },
  low: { background: '#dbe4ff', text: '#212529' },
  medium: { background: '#91a7ff', text: '#141517' },
  high: { background: '#3b5bdb', text: '#ffffff' },
};
