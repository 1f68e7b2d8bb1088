import { Document, isMap, isSeq } from 'yaml';
import type { ContractFile } from './schema.js';

/**
 * The contract as the YAML a team reads, edits and commits: one block per column, short mappings
 * and lists on one line, what was observed as a comment beside each column, and a header that
 * says how to edit it.
 */
export function renderContractYaml(contract: ContractFile, notes: Record<string, string>): string {
  const doc = new Document(contract);
  doc.commentBefore = [
    ' yaml-language-server: $schema=https://modelci.dev/schema/contract.schema.json',
    ' modelci data contract: what valid data for this model looks like.',
    ' `modelci validate` checks training, evaluation and production data against it. Edit freely:',
    ' every expectation takes `severity: warning` (reported) instead of error (fails), and those',
    ' on values `mostly` (the share that must meet it; inferred ranges let 2% fall outside), e.g.',
    '   range: { min: 0, max: 120, mostly: 0.99, severity: warning }',
    ' and you can add `pattern: <regex>`, `allowed: [...]`, `unique: true`,',
    ' `freshness: { max_age: 7d }` on a column, and `relations: [start <= end]` at the top.',
  ].join('\n');
  const columns = doc.get('columns', true);
  if (isMap(columns))
    for (const pair of columns.items) {
      const name = String((pair.key as { value: unknown }).value);
      const node = pair.value;
      if (!isMap(node)) continue;
      for (const item of node.items) {
        const v = item.value;
        // Short mappings and lists read best on one line: range: { min: 0, max: 9 }.
        if ((isMap(v) || isSeq(v)) && v.items.length <= 12) v.flow = true;
      }
      const note = notes[name];
      if (note) node.commentBefore = ` ${note}`;
    }
  for (const key of ['rows', 'inferred_from']) {
    const node = doc.get(key, true);
    if (isMap(node)) node.flow = true;
  }
  return doc.toString({ lineWidth: 100 });
}
