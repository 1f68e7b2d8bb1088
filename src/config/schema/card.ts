/**
 * `models.<m>.card`: the Model Card text a team writes once; `modelci card` and `modelci site`
 * put it next to what the registry records (metrics with intervals, data fingerprints, lineage).
 * Sections follow Mitchell et al., "Model Cards for Model Reporting" (2019).
 */
import type { FromSchema } from 'json-schema-to-ts';

const text = (description: string) => ({ type: 'string', description }) as const;

export const cardSchema = {
  type: 'object',
  description: 'Model Card sections shown by `modelci card` and the catalog site.',
  additionalProperties: false,
  properties: {
    intended_use: text('Primary intended uses.'),
    out_of_scope_use: text('Uses the model is not meant for.'),
    users: text('Primary intended users.'),
    limitations: text('Known limitations.'),
    ethical_considerations: text('Risks, affected groups, sensitive data, mitigations.'),
    caveats: text('Further caveats and recommendations.'),
    training_data: text('What the training data is.'),
    evaluation_data: text('What the evaluation data is.'),
    license: { type: 'string', pattern: '^[A-Za-z0-9.+-]+$', description: 'License id, e.g. apache-2.0.' },
    tags: { type: 'array', items: { type: 'string', minLength: 1 } },
    datasets: { type: 'array', items: { type: 'string', minLength: 1 } },
    contact: text('Where to send questions.'),
  },
} as const;

export type CardConfig = FromSchema<typeof cardSchema>;
