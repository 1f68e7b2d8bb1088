import type { EnvironmentConfig } from '../../config/schema/deploy.js';

/** A target's name in `environments.<env>.target` (the schema's enum). */
export type TargetKind = NonNullable<EnvironmentConfig['target']>;

/** What every deploy target gets: one verified artifact of one model version for one environment. */
export interface TargetContext {
  model: string;
  version: string;
  sha256: string;
  /** Local path of the artifact, sha256 already verified. */
  artifactPath: string;
  /** The artifact's registry uri (what a reconciler can fetch). */
  artifactUri: string;
  /** The container image serving this version (`deploy --image`), for targets that set it. */
  image?: string;
  environment: string;
  /** The environment's URL from the config, when it has one. */
  url: string | undefined;
  timeoutMs: number;
  log: (line: string) => void;
}

export interface TargetResult {
  /** The URL where the model now answers (deployment `environment_url`). */
  url?: string;
  /** One line about what the target did, for the summary. */
  detail: string;
  /** A process the target started and left running (the server target on loopback). */
  pid?: number;
}

export interface DeployTarget {
  readonly kind: TargetKind;
  deploy(ctx: TargetContext): Promise<TargetResult>;
}

/** Builds a target from its environment's settings (`environments.<environment>`). */
export type TargetFactory = (
  environment: string,
  config: EnvironmentConfig,
  cwd: string,
) => DeployTarget;
