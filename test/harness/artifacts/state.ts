import type { ArtifactOperation } from './faults.js';
import { readZip } from './zip.js';

// What the artifact stand-in keeps: artifacts by workflow run, the blobs behind their signed
// upload URLs (staged blocks until the block list is committed), every request, and violations.

export interface StoredArtifact {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  /** `mime_type` of CreateArtifact. */
  mimeType?: string;
  /** `expires_at` of CreateArtifact (RFC 3339), when a retention was asked for. */
  expiresAt?: string;
  version: number;
  finalized: boolean;
  /** From FinalizeArtifact, checked against the committed blob. */
  size?: number;
  hash?: string;
  blob: StoredBlob;
}

export interface StoredBlob {
  /** Path of the signed upload URL (`/blob/actions-results/<run>/<job>/artifacts/<id>.zip`). */
  path: string;
  sig: string;
  expiresOn: Date;
  /** Staged, not yet committed blocks by block id (base64, as sent). */
  staged: Map<string, Buffer>;
  /** Committed blocks by id, in block list order. */
  committedBlocks: Map<string, Buffer>;
  /** The blob's content once a block list (or a whole blob) was committed. */
  content?: Buffer;
  /** `x-ms-blob-content-type` (block list) or `content-type` (whole blob) of the commit. */
  contentType?: string;
  etag?: string;
}

export interface ArtifactRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  operation?: ArtifactOperation | string;
  status: number;
  fault?: boolean;
}

export interface ArtifactViolation {
  method: string;
  path: string;
  operation?: string;
  errors: string[];
}

export class ArtifactState {
  readonly artifacts: StoredArtifact[] = [];
  readonly requests: ArtifactRequest[] = [];
  readonly violations: ArtifactViolation[] = [];
  /** runtime token -> backend ids it was issued for. */
  readonly tokens = new Map<string, { runBackendId: string; jobBackendId: string }>();
  private nextId = 1000;

  newId(): number {
    return this.nextId++;
  }

  /** Artifacts of one workflow run (all runs when not given), finalized or not. */
  inRun(runBackendId?: string): StoredArtifact[] {
    return this.artifacts.filter((a) => !runBackendId || a.runBackendId === runBackendId);
  }

  /** The finalized artifact of that name in the run; throws when there is none. */
  finalized(runBackendId: string, name: string): StoredArtifact {
    const a = this.artifacts.find(
      (x) => x.runBackendId === runBackendId && x.name === name && x.finalized,
    );
    if (!a) {
      const have = this.inRun(runBackendId).map((x) => `${x.name}${x.finalized ? '' : ' (open)'}`);
      throw new Error(
        `artifact stand-in: no finalized artifact "${name}" in run ${runBackendId} (have: ${have.join(', ') || 'none'})`,
      );
    }
    return a;
  }

  /** The files inside a finalized zip artifact: path -> bytes (CRC-checked). */
  files(runBackendId: string, name: string): Map<string, Buffer> {
    const a = this.finalized(runBackendId, name);
    return readZip(a.blob.content ?? Buffer.alloc(0));
  }

  blobAt(path: string): StoredBlob | undefined {
    return this.artifacts.find((a) => a.blob.path === path)?.blob;
  }

  requestsTo(operation: string): ArtifactRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }
}
