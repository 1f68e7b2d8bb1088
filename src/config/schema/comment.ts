/** The sticky PR comment (`comment:`). */
export interface CommentConfig {
  /** Significant digits shown in tables (overrides metrics.precision for the comment). */
  precision?: number;
  /** Metric whose history is charted when a history file is given; default: the primary metric. */
  chart_metric?: string;
}

export const commentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    precision: { type: 'integer', minimum: 1, maximum: 17 },
    chart_metric: { type: 'string', minLength: 1 },
  },
} as const;
