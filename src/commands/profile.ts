import { ModelciError } from '../core/errors.js';
import { TableProfile } from '../core/profile/table-profile.js';
import { readTextFile } from '../data/structured-file.js';
import { writeOutputFile } from '../data/output-file.js';
import { profileFile, type ProfileFileOptions } from '../data/profile-file.js';

export {
  profileFile,
  type ProfileFileOptions,
  type ProfileProgress,
  type ReadNotes,
} from '../data/profile-file.js';

/**
 * `modelci profile <data> -o profile.json` and `modelci profile merge a.json b.json -o all.json`:
 * a reference profile in one streaming pass, and the merge of shard profiles (a job matrix
 * profiles shards; the merge equals one pass over all the data: counts identical, quantiles within
 * the sketch's stated rank error). The streaming pass itself is src/data/profile-file.ts.
 */

/** Largest profile JSON we read (sketches of ~100 columns at the default size fit easily). */
const MAX_PROFILE_BYTES = 512 * 1024 * 1024;

export function isProfilePath(file: string): boolean {
  return /\.json$/i.test(file);
}

export function readProfile(file: string): TableProfile {
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(file, MAX_PROFILE_BYTES));
  } catch (e) {
    if (e instanceof ModelciError) throw e;
    throw new ModelciError('PARSE', `not valid JSON (${(e as Error).message})`, {
      file,
      hint: 'A profile is the JSON file `modelci profile` writes',
    });
  }
  return TableProfile.fromJSON(data, file);
}

export function writeProfile(profile: TableProfile, file: string): void {
  writeOutputFile(file, JSON.stringify(profile.toJSON()) + '\n');
}

export interface RunProfileOptions extends ProfileFileOptions {
  data: string;
  output: string;
}

export interface ProfileResult {
  output: string;
  rows: number;
  columns: { name: string; kind: string; missing_rate: number }[];
  invalidUtf8Cells: number;
}

export async function runProfile(options: RunProfileOptions): Promise<ProfileResult> {
  const { profile, notes } = await profileFile(options.data, options);
  writeProfile(profile, options.output);
  return summary(profile, options.output, notes.invalidUtf8Cells);
}

export interface RunProfileMergeOptions {
  inputs: string[];
  output: string;
}

export function runProfileMerge(options: RunProfileMergeOptions): ProfileResult {
  if (options.inputs.length === 0)
    throw new ModelciError('USAGE', 'nothing to merge', { hint: 'Pass two or more profile files' });
  const [first, ...rest] = options.inputs;
  const merged = readProfile(first!);
  for (const file of rest) {
    const p = readProfile(file);
    if (p.sketchK !== merged.sketchK) {
      throw new ModelciError(
        'INPUT',
        `sketch size ${p.sketchK} differs from ${merged.sketchK} in ${first}`,
        {
          file,
          path: 'sketch_k',
          hint: 'Profile every shard with the same --sketch-size',
        },
      );
    }
    merged.merge(p);
  }
  writeProfile(merged, options.output);
  return summary(merged, options.output, 0);
}

function summary(profile: TableProfile, output: string, invalidUtf8Cells: number): ProfileResult {
  const s = profile.toJSON().summary ?? [];
  return {
    output,
    rows: profile.rows,
    columns: s.map((c) => ({ name: c.name, kind: c.kind, missing_rate: c.missing_rate })),
    invalidUtf8Cells,
  };
}
