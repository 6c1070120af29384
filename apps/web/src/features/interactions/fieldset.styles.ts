/** A fieldset's legend looks like the labels of the inputs around it. */
export const legendStyles = {
  legend: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, marginBottom: 4 },
} as const;
