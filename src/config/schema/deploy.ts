/** Environments and deploy targets (`environments:`). Owned by the deploy issue. */
export type EnvironmentsConfig = Record<string, unknown>;

export const environmentsSchema = {
  type: 'object',
  description: 'Deployment environments by name (e.g. staging, production) and their targets.',
} as const;
