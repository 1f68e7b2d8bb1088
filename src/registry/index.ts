/** The registry's reading API; see README.md next to this file. */
export { openRegistry, parseModelRef, Registry } from './registry.js';
export type { ModelRef, ModelSummary, RegistryOptions } from './registry.js';
export type {
  ArtifactRef,
  Lineage,
  ModelRecord,
  StagePointer,
  VersionRecord,
} from '../core/registry/records.js';
