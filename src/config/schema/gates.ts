/** Gates per model (`models.<m>.gates`). Owned by the evaluate issue; see src/core/gates/. */
export type GatesConfig = Record<string, unknown>;

export const gatesSchema = {
  type: 'object',
  description: 'Conditions a candidate model must meet before it is registered or promoted.',
} as const;
