import { ModelciError } from '../errors.js';

// A DVC project's params and metrics (dvc.yaml stages, params.yaml, the metrics files the stages
// declare) turned into the parts of a run record. Pure: the caller reads and parses the files.

export const DVC_DEFAULT_PARAMS = 'params.yaml';

/** What a DVC project says to read: params (a file's keys, or all of it) and metrics files. */
export interface DvcPlan {
  /** The stage read (its command is the run's), when dvc.yaml has stages. */
  stage?: string;
  command?: string;
  params: { file: string; keys: string[] | 'all' }[];
  metrics: string[];
}

const obj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** `metrics: [a.json, {b.json: {cache: false}}]`: the file names. */
function fileNames(v: unknown): string[] {
  return list(v).flatMap((x) => (typeof x === 'string' ? [x] : obj(x) ? Object.keys(x) : []));
}

/**
 * Which params and metrics files a DVC project's `dvc.yaml` names: the given stage, else the one
 * stage, else the stages that declare metrics (their params merged, the last one's command), plus
 * the top-level `params` and `metrics`. Without dvc.yaml, all of params.yaml.
 */
export function dvcPlan(dvcYaml: unknown, stage: string | undefined, file = 'dvc.yaml'): DvcPlan {
  if (dvcYaml === undefined) {
    if (stage)
      throw new ModelciError('INPUT', `there is no ${file} to find stage "${stage}" in`, { file });
    return { params: [{ file: DVC_DEFAULT_PARAMS, keys: 'all' }], metrics: [] };
  }
  if (!obj(dvcYaml)) throw new ModelciError('DATA', 'dvc.yaml is not a mapping', { file });
  const stages = obj(dvcYaml.stages) ? dvcYaml.stages : {};
  const names = Object.keys(stages);
  let chosen: string[];
  if (stage !== undefined) {
    if (!(stage in stages))
      throw new ModelciError('INPUT', `dvc.yaml has no stage "${stage}"`, {
        file,
        path: 'stages',
        hint: names.length ? `Stages: ${names.join(', ')}` : 'dvc.yaml declares no stages',
      });
    chosen = [stage];
  } else if (names.length <= 1) chosen = names;
  else {
    const withMetrics = names.filter((n) => obj(stages[n]) && stages[n].metrics !== undefined);
    chosen = withMetrics.length ? withMetrics : names;
  }
  const plan: DvcPlan = { params: [], metrics: [] };
  const addParams = (entries: unknown, topLevel: boolean, at: string) => {
    list(entries).forEach((e, i) => {
      if (typeof e === 'string') {
        // Top-level `params:` lists files; a stage's lists keys of params.yaml.
        if (topLevel) plan.params.push({ file: e, keys: 'all' });
        else plan.params.push({ file: DVC_DEFAULT_PARAMS, keys: [e] });
      } else if (obj(e))
        for (const [f, keys] of Object.entries(e))
          plan.params.push({
            file: f,
            keys: keys === null || keys === undefined ? 'all' : list(keys).map(String),
          });
      else
        throw new ModelciError('DATA', 'a params entry is neither a key nor {file: [keys]}', {
          file,
          path: `${at}[${i}]`,
        });
    });
  };
  addParams(dvcYaml.params, true, 'params');
  plan.metrics.push(...fileNames(dvcYaml.metrics));
  for (const n of chosen) {
    const s = stages[n];
    if (!obj(s)) continue;
    addParams(s.params, false, `stages.${n}.params`);
    plan.metrics.push(...fileNames(s.metrics));
    if (typeof s.cmd === 'string') plan.command = s.cmd;
    else if (Array.isArray(s.cmd)) plan.command = s.cmd.map(String).join(' && ');
  }
  if (chosen.length === 1) plan.stage = chosen[0]!;
  plan.metrics = [...new Set(plan.metrics)];
  return plan;
}

function getPath(v: unknown, path: string[]): { found: boolean; value?: unknown } {
  let at = v;
  for (const p of path) {
    if (!obj(at) || !(p in at)) return { found: false };
    at = at[p];
  }
  return { found: true, value: at };
}

function setPath(out: Record<string, unknown>, path: string[], value: unknown): void {
  let at = out;
  for (const p of path.slice(0, -1)) {
    if (!obj(at[p])) at[p] = {};
    at = at[p] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
}

/**
 * The params a plan names, from the parsed params files (by path; a missing file is an error
 * naming it): nested as in the files, every file's keys merged.
 */
export function dvcParams(
  plan: DvcPlan,
  files: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { file, keys } of plan.params) {
    if (!files.has(file))
      throw new ModelciError('INPUT', `params file ${file} is not there`, {
        file,
        hint: 'dvc.yaml names it: run the import where the DVC project is',
      });
    const content = files.get(file);
    if (keys === 'all') {
      if (!obj(content)) throw new ModelciError('DATA', 'params file is not a mapping', { file });
      for (const [k, v] of Object.entries(content)) out[k] = v;
      continue;
    }
    for (const key of keys) {
      const path = key.split('.');
      const got = getPath(content, path);
      if (!got.found)
        throw new ModelciError('DATA', `dvc.yaml names param "${key}", which ${file} lacks`, {
          file,
          path: key,
        });
      setPath(out, path, got.value);
    }
  }
  return out;
}

/** The metrics files' contents merged (DVC metrics are JSON/YAML mappings, nested or flat). */
export function dvcMetrics(
  plan: DvcPlan,
  files: ReadonlyMap<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of plan.metrics) {
    if (!files.has(file)) continue;
    const content = files.get(file);
    if (!obj(content)) throw new ModelciError('DATA', 'metrics file is not a mapping', { file });
    Object.assign(out, content);
  }
  return out;
}
