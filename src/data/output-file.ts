import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file a command was asked to produce, creating its folder first: on a fresh runner
 * `report: modelci-report/report.json` names a folder nothing has made yet.
 */
export function writeOutputFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
