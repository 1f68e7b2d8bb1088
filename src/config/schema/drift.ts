/** Drift settings, top level `drift:` and per model `models.<m>.drift:`. Owned by the drift issue. */
export type DriftConfig = Record<string, unknown>;

export const driftSchema = {
  type: 'object',
  description: 'How production data is compared with the reference profile.',
} as const;
