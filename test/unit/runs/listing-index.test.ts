// The runs index's two files per shard, written and read back: keys (what listing sorts and
// matches refs by) and summaries (read only for the runs a listing shows), with text that is not
// ASCII, a start time that needs escaping, and bytes this version did not write.
import { describe, expect, it } from 'vitest';
import {
  IndexEntry,
  keysText,
  parseKeys,
  summariesText,
} from '../../../src/core/runs/listing-index.js';
import { runSummary } from '../../../src/core/runs/summary.js';
import { parseSummaries } from '../../../src/git/run-index.js';
import { record } from './fixture.js';

/** A summaries file's bytes as the git layer hands them to entries. */
const source = (body: Buffer) => ({
  text: (s: number, e: number) => body.toString('utf8', s, e),
  bytes: (s: number, e: number) => body.subarray(s, e),
});

const runs = [
  record({ id: '20260102-030405-a1b2c3', code: { branch: 'féature/ünïcode ✓' }, note: 'ok' }),
  record({ id: '20260101-000000-000001', started_at: '2026-01-01T00:00:00.000Z', tags: ['x'] }),
  // Nothing this project writes, but a hand-made record may: a start time with a quote and a
  // backslash that Date.parse still reads (V8 skips text in parentheses).
  record({ id: '20260101-000000-000002', started_at: '2026-01-01 (a"b\\c)' }),
].map((r, i) => IndexEntry.of(String(i).repeat(40), runSummary(r)));

describe('keys files', () => {
  it('round-trip every entry (commit, id, start time), sorted by id', () => {
    const read = parseKeys(keysText(runs), 'churn')!;
    expect(read.map((e) => [e.commit, e.id, e.startedAt])).toEqual(
      [runs[1]!, runs[2]!, runs[0]!].map((e) => [e.commit, e.id, e.startedAt]),
    );
    expect(read.every((e) => !e.loaded)).toBe(true);
    expect(() => read[0]!.summary).toThrow(/was not loaded/);
  });

  it('another schema or a line out of shape is not a keys file', () => {
    expect(parseKeys(keysText(runs).replace('@2', '@1'), 'churn')).toBeUndefined();
    expect(parseKeys(`${keysText(runs)}garbage\n`, 'churn')).toBeUndefined();
    expect(parseKeys(keysText(runs).slice(0, -1), 'churn')).toBeUndefined();
  });
});

describe('summaries files', () => {
  it('locate each summary by id without parsing it; bytes, not characters, delimit them', () => {
    const body = Buffer.from(summariesText(runs));
    expect(JSON.parse(body.toString()).runs).toHaveLength(3);
    const lines = parseSummaries(body)!;
    const keys = parseKeys(keysText(runs), 'churn')!;
    for (const k of keys) {
      const l = lines.get(k.id)!;
      expect(l.commit).toBe(k.commit);
      k.attach(source(body), l.start, l.end);
    }
    const byId = new Map(runs.map((e) => [e.id, e.summary]));
    // The bytes as stored (what --json copies out), then the parsed summary.
    for (const k of keys)
      expect(Buffer.from(k.jsonBytes!).toString('utf8')).toBe(JSON.stringify(byId.get(k.id)));
    for (const k of keys) expect(k.summary).toEqual(byId.get(k.id));
    expect(keys.find((k) => k.id === runs[0]!.id)!.summary.code.branch).toBe('féature/ünïcode ✓');
  });

  it('a summary that does not belong to its key reads as a damaged index, naming the fix', () => {
    const body = Buffer.from(summariesText(runs));
    const lines = parseSummaries(body)!;
    const [k] = parseKeys(keysText([runs[1]!]), 'churn')!;
    const other = lines.get(runs[0]!.id)!;
    k!.attach(source(body), other.start, other.end);
    const error = (() => {
      try {
        return k!.summary;
      } catch (e) {
        return e as { message: string; hint: string };
      }
    })() as { message: string; hint: string };
    expect(error.message).toBe(
      `the runs index of churn is damaged (run ${runs[1]!.id}: its summary is of another run)`,
    );
    expect(error.hint).toContain('git update-ref -d refs/modelci/runs-index/churn');
  });

  it('another schema or a truncated file is not a summaries file', () => {
    const text = summariesText(runs);
    expect(parseSummaries(Buffer.from(text.replace('@2', '@1')))).toBeUndefined();
    expect(parseSummaries(Buffer.from(text.slice(0, -3)))).toBeUndefined();
    expect(parseSummaries(Buffer.from(text.replace('",', '" ,')))).toBeUndefined();
  });
});
