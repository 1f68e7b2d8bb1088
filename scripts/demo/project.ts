// The demo's project: the example's data and config in a fresh repository, the pull request's
// change, and the production traffic and labels that come later.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo, root } from './context.js';

const LABEL = 'malignant';

/** examples/cancer's data (every fourth row of the breast-cancer set is holdout), the demo's config. */
export function writeExampleProject(): void {
  mkdirSync(join(repo, 'data'), { recursive: true });
  for (const f of ['train.csv', 'holdout.csv'])
    cpSync(join(root, 'examples/cancer/data', f), join(repo, 'data', f));
  cpSync(join(root, 'examples/demo/modelci.yaml'), join(repo, 'modelci.yaml'));
  // Production today is a strongly regularised fit; the pull request relaxes it.
  setRegularisation(0.001);
  writeFileSync(join(repo, '.gitignore'), 'out/\n.modelci/\n');
}

export function setRegularisation(c: number): void {
  const file = join(repo, 'modelci.yaml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(/params: \{ C: [0-9.]+ \}/, `params: { C: ${c} }`),
  );
}

function holdout(): { columns: string[]; rows: string[][] } {
  const [header, ...rows] = readFileSync(join(repo, 'data/holdout.csv'), 'utf8').trim().split('\n');
  return { columns: header!.split(','), rows: rows.map((r) => r.split(',')) };
}

/** The feature columns, in file order (the model's input order). */
export function featureNames(): string[] {
  return holdout().columns.filter((c) => c !== LABEL);
}

/** Shifted production traffic: the tumours of the holdout, measured 40% larger. */
export function shiftedRequests(
  inputName: string,
): { inputs: { name: string; shape: number[]; datatype: string; data: number[] }[] }[] {
  return holdoutRequests(inputName, 1.4).map((r) => r.body);
}

/** One inference request per holdout row (size columns scaled by `grow`), with its true label. */
export function holdoutRequests(
  inputName: string,
  grow = 1,
): {
  body: { inputs: { name: string; shape: number[]; datatype: string; data: number[] }[] };
  label: number;
}[] {
  const { columns, rows } = holdout();
  const features = featureNames();
  const sizes = new Set([
    'mean_radius',
    'mean_perimeter',
    'mean_area',
    'worst_radius',
    'worst_perimeter',
    'worst_area',
  ]);
  return rows.map((cells) => {
    const data = features.map((f) => Number(cells[columns.indexOf(f)]) * (sizes.has(f) ? grow : 1));
    return {
      body: { inputs: [{ name: inputName, shape: [1, features.length], datatype: 'FP32', data }] },
      label: Number(cells[columns.indexOf(LABEL)]),
    };
  });
}

/** The training data with every label inverted: the bug of a broken labelling pipeline. */
export function writeFlippedTrainingData(file: string): void {
  const [header, ...rows] = readFileSync(join(repo, 'data/train.csv'), 'utf8').trim().split('\n');
  const at = header!.split(',').indexOf(LABEL);
  const flipped = rows.map((r) => {
    const cells = r.split(',');
    cells[at] = String(1 - Number(cells[at]));
    return cells.join(',');
  });
  writeFileSync(file, [header, ...flipped].join('\n') + '\n');
}

/** The prediction log with each row's true label (holdout order), as a labelling job would add. */
export function withLabels(log: string): string {
  const { columns, rows } = holdout();
  const at = columns.indexOf(LABEL);
  // One row per request sent, in order (deploy's smoke requests are not logged: modelci_smoke).
  const traffic = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  if (traffic.length !== rows.length)
    throw new Error(`expected ${rows.length} logged predictions, found ${traffic.length}`);
  return (
    traffic.map((row, i) => JSON.stringify({ ...row, [LABEL]: Number(rows[i]![at]) })).join('\n') +
    '\n'
  );
}
