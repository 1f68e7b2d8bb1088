/** The git-backed registry (`registry:`). Owned by the registry issue. */
export type RegistryConfig = Record<string, unknown>;

export const registrySchema = {
  type: 'object',
  description: 'Where the registry folder lives, its stages and artifact store.',
} as const;
