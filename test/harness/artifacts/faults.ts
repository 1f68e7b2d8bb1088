// Injected failures for the artifact stand-in. Each matching request consumes one and gets the
// service's error answer (or a dropped connection) instead of reaching the handler, so a faulted
// request never changes state.

export type ArtifactOperation =
  'CreateArtifact' | 'FinalizeArtifact' | 'StageBlock' | 'CommitBlockList' | 'PutBlob';

export interface ArtifactFaultSpec {
  operation: ArtifactOperation;
  /** HTTP status of the error answer (Twirp JSON error or Azure XML error, by operation). */
  status?: 400 | 401 | 403 | 404 | 409 | 429 | 500 | 502 | 503 | 504;
  /** Destroy the socket instead of answering: the client sees ECONNRESET. */
  reset?: boolean;
  /** Twirp only: answer 200 with `{ ok: false }` (the library checks `ok`). */
  notOk?: boolean;
  /** Twirp error message (`msg`); default from the status. */
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface ArtifactFault extends ArtifactFaultSpec {
  times: number;
  remaining: number;
}

export class ArtifactFaults {
  private readonly list: ArtifactFault[] = [];

  inject(spec: ArtifactFaultSpec): ArtifactFault {
    const modes = [spec.status !== undefined, !!spec.reset, !!spec.notOk].filter(Boolean).length;
    if (modes !== 1)
      throw new Error('artifact stand-in: a fault needs exactly one of status, reset, notOk');
    if (spec.notOk && !['CreateArtifact', 'FinalizeArtifact'].includes(spec.operation))
      throw new Error('artifact stand-in: notOk is a Twirp answer (Create/FinalizeArtifact)');
    const times = spec.times ?? 1;
    const f: ArtifactFault = { ...spec, times, remaining: times };
    this.list.push(f);
    return f;
  }

  /** Faults not yet used up; a test can assert they were all consumed. */
  pending(): ArtifactFault[] {
    return this.list.filter((f) => f.remaining > 0);
  }

  clear(): void {
    this.list.length = 0;
  }

  /** The first live fault for this operation, consumed; undefined when none matches. */
  take(operation: ArtifactOperation): ArtifactFault | undefined {
    const f = this.list.find((x) => x.remaining > 0 && x.operation === operation);
    if (f) f.remaining--;
    return f;
  }
}
