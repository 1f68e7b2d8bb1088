import type { FromSchema } from 'json-schema-to-ts';

/** The sticky PR comment (`comment:`). */
export const commentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    precision: {
      type: 'integer',
      minimum: 1,
      maximum: 17,
      description: 'Significant digits shown in tables (overrides metrics.precision for the comment).',
    },
    chart_metric: {
      type: 'string',
      minLength: 1,
      description: 'Metric whose history is charted when a history file is given; default: the primary metric.',
    },
    metrics: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description:
        'Metrics in the comment table after the primary metric (names or last key segments); the rest are collapsed under "more metrics". Default: the metrics the gates read. A metric that got significantly worse is always in the table; exact duplicates (recall_weighted = accuracy) are never repeated.',
    },
  },
} as const;

export type CommentConfig = FromSchema<typeof commentSchema>;
