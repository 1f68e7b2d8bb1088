/**
 * The rules a model server's pod must meet, checked on a manifest object (a Deployment, a KServe
 * InferenceService or a Pod): Kubernetes' "restricted" Pod Security Standard (non-root, no
 * privilege escalation, every capability dropped, a seccomp profile, no host namespaces or
 * paths) plus what this project asks of a server: a read-only root file system, resource
 * requests and limits, and readiness and liveness probes. Each finding names its key path.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObject(v) ? v : {});

/** The pod spec of a workload and its key path, or undefined for a kind without one. */
export function podSpecOf(manifest: unknown): { spec: Json; path: string } | undefined {
  const m = obj(manifest);
  const spec = obj(m.spec);
  switch (m.kind) {
    case 'Pod':
      return { spec, path: 'spec' };
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return { spec: obj(obj(spec.template).spec), path: 'spec.template.spec' };
    case 'InferenceService':
      return { spec: obj(spec.predictor), path: 'spec.predictor' };
    default:
      return undefined;
  }
}

function containerFindings(c: Json, pod: Json, at: string): string[] {
  const out: string[] = [];
  const sc = obj(c.securityContext);
  const podSc = obj(pod.securityContext);
  const runAsNonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
  if (runAsNonRoot !== true) out.push(`${at}.securityContext.runAsNonRoot: must be true`);
  const runAsUser = sc.runAsUser ?? podSc.runAsUser;
  if (runAsUser === 0) out.push(`${at}.securityContext.runAsUser: must not be 0 (root)`);
  if (sc.privileged === true) out.push(`${at}.securityContext.privileged: must not be true`);
  if (sc.allowPrivilegeEscalation !== false)
    out.push(`${at}.securityContext.allowPrivilegeEscalation: must be false`);
  if (sc.readOnlyRootFilesystem !== true)
    out.push(`${at}.securityContext.readOnlyRootFilesystem: must be true`);
  const drop = obj(sc.capabilities).drop;
  if (!Array.isArray(drop) || !drop.includes('ALL'))
    out.push(`${at}.securityContext.capabilities.drop: must include ALL`);
  const add = obj(sc.capabilities).add;
  if (Array.isArray(add) && add.some((a) => a !== 'NET_BIND_SERVICE'))
    out.push(`${at}.securityContext.capabilities.add: only NET_BIND_SERVICE is allowed`);
  const seccomp = obj(sc.seccompProfile).type ?? obj(podSc.seccompProfile).type;
  if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
    out.push(`${at}.securityContext.seccompProfile.type: must be RuntimeDefault or Localhost`);
  const resources = obj(c.resources);
  for (const side of ['requests', 'limits'])
    for (const kind of ['cpu', 'memory'])
      if (obj(resources[side])[kind] === undefined)
        out.push(`${at}.resources.${side}.${kind}: must be set`);
  for (const probe of ['readinessProbe', 'livenessProbe'])
    if (!isObject(c[probe])) out.push(`${at}.${probe}: must be set`);
  return out;
}

/** What a manifest's pod breaks of the policy; empty when it meets every rule. */
export function podPolicyFindings(manifest: unknown): string[] {
  const found = podSpecOf(manifest);
  if (!found) return [];
  const { spec, path } = found;
  const out: string[] = [];
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC'])
    if (spec[key] === true) out.push(`${path}.${key}: must not be true`);
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  volumes.forEach((v, i) => {
    if (isObject(v) && v.hostPath !== undefined)
      out.push(`${path}.volumes[${i}].hostPath: host paths are not allowed`);
  });
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  if (!containers.length) out.push(`${path}.containers: no container`);
  containers.forEach((c, i) =>
    out.push(...containerFindings(obj(c), spec, `${path}.containers[${i}]`)),
  );
  return out;
}
