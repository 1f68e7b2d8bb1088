// The GitHub Actions artifact service stand-in (results Twirp API + Azure blob upload).
export { startArtifactService, type ArtifactRuntime, type ArtifactService } from './server.js';
export type { ArtifactFaultSpec, ArtifactOperation } from './faults.js';
export type { StoredArtifact, StoredBlob, ArtifactRequest, ArtifactViolation } from './state.js';
export { issueRuntimeToken } from './token.js';
export { readZip } from './zip.js';
