import { statSync } from 'node:fs';
import { ModelciError } from '../core/errors.js';
import { mergeMetricSources, type FlatMetrics } from '../core/report/flatten.js';
import { globFiles, isGlob } from './glob.js';
import { readStructuredFile } from './structured-file.js';

const METRICS_FILE = /\.(json|ya?ml)$/i;

/**
 * The metrics files a user named: plain files, globs, or directories (every .json/.yaml/.yml file
 * under them). A pattern or directory that yields nothing is an error, so a typo never compares
 * against an empty set.
 */
export function resolveMetricsFiles(specs: string[], what: string): string[] {
  const files: string[] = [];
  for (const spec of specs) {
    let found: string[];
    if (isGlob(spec)) {
      found = globFiles(spec);
      if (found.length === 0)
        throw new ModelciError('FILE', `no files match the ${what} pattern`, {
          file: spec,
          hint: 'Check the pattern; it is relative to the working directory',
        });
    } else if (isDirectory(spec)) {
      found = globFiles(`${spec.replace(/\/+$/, '')}/**/*`).filter((f) => METRICS_FILE.test(f));
      if (found.length === 0)
        throw new ModelciError('FILE', `no .json, .yaml or .yml files in the ${what} directory`, {
          file: spec,
          hint: 'Point to the metrics files or the folder that holds them',
        });
    } else found = [spec];
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Reads and merges one side's metrics files (base or head) into flat `a.b.c` keys. */
export function readMetrics(specs: string[], what: string): FlatMetrics {
  if (specs.length === 0)
    throw new ModelciError('INPUT', `no ${what} metrics files given`, {
      hint: `Pass --${what} (CLI) or the \`${what}\` input (action): a file, a glob or a directory`,
    });
  const files = resolveMetricsFiles(specs, what);
  return mergeMetricSources(files.map((file) => ({ file, data: readStructuredFile(file) })));
}
