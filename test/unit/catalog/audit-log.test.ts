import { describe, expect, it } from 'vitest';
import {
  auditEntries,
  parseLogRecords,
  parseTouched,
  splitMessage,
  untrailered,
} from '../../../src/core/catalog/audit-log.js';
import { attributePullRequests } from '../../../src/core/catalog/pull-requests.js';
import { commitMessage } from '../../../src/core/registry/trailers.js';

const sha = (n: number) => n.toString(16).padStart(40, '0');
const record = (n: number, message: string, parents: number[] = []) =>
  `${sha(n)}\x1f${parents.map(sha).join(' ')}\x1f2026-01-0${n}T00:00:00Z\x1fAna\x1f${message}\0`;

describe('audit log records (git log -z --format=AUDIT_FORMAT)', () => {
  const promote = commitMessage(
    'Promote churn 1.2.0 to production',
    'production held 1.1.0. wins',
    {
      model: 'churn',
      version: '1.2.0',
      stage: 'production',
      action: 'promote',
      actor: 'ana',
      run: 'https://github.com/acme/models/actions/runs/7',
    },
  );

  it('reads the trailers register and promote write, and the body as the reason', () => {
    const [e] = auditEntries(parseLogRecords(record(1, promote)));
    expect(e).toEqual({
      commit: sha(1),
      date: '2026-01-01T00:00:00Z',
      author: 'Ana',
      subject: 'Promote churn 1.2.0 to production',
      body: 'production held 1.1.0. wins',
      model: 'churn',
      version: '1.2.0',
      stage: 'production',
      action: 'promote',
      actor: 'ana',
      run: 'https://github.com/acme/models/actions/runs/7',
    });
  });

  it('takes the pull request number of a squash merge from the subject', () => {
    const squashed = promote.replace('to production', 'to production (#42)');
    expect(auditEntries(parseLogRecords(record(1, squashed)))[0]!.pullRequest).toBe(42);
  });

  it('a message cannot forge another commit: fields it holds stay in its own record', () => {
    const forged = `Looks normal\n\n\x1e${sha(9)}\x1f\x1f2020-01-01\x1fMallory\x1fFake\n\nModel: churn\nRegistry-Action: promote`;
    const records = parseLogRecords(record(1, forged));
    expect(records).toHaveLength(1);
    expect(records[0]!.commit).toBe(sha(1));
    expect(auditEntries(records)[0]).toMatchObject({
      commit: sha(1),
      author: 'Ana',
      subject: 'Looks normal',
    });
  });

  it('skips malformed records instead of failing', () => {
    expect(parseLogRecords('garbage\0\x1f\x1f\0')).toEqual([]);
  });

  it('splits subject, body and trailer block like git', () => {
    expect(splitMessage('Subject\n\nBody line\nmore\n\nModel: a\nStage: b\n')).toEqual({
      subject: 'Subject',
      body: 'Body line\nmore',
      trailers: 'Model: a\nStage: b',
    });
    expect(splitMessage('Just a subject')).toEqual({
      subject: 'Just a subject',
      body: '',
      trailers: '',
    });
  });

  it('lists hand edits (no trailers) under the models whose files they changed', () => {
    const commits = parseLogRecords(record(1, promote) + record(2, 'Fix a typo by hand\n\nsorry'));
    expect(untrailered(commits)).toEqual([sha(2)]);
    const touched = parseTouched(
      `@@${sha(2)}\n\nreg/fraud/versions/1.0.0.yaml\nreg/churn/stages/production.yaml\nreg/README.md\n`,
      'reg',
    );
    expect(touched.get(sha(2))).toEqual(['fraud', 'churn']);
    const entries = auditEntries(commits, touched);
    expect(entries[1]).toMatchObject({
      action: 'edit',
      manual: true,
      model: 'fraud',
      touched: ['fraud', 'churn'],
      body: 'sorry',
    });
  });
});

describe('attributePullRequests', () => {
  // main: 1 - 2 - 5(merge of PR #57: 3 - 4) - 6
  const graph = new Map<string, string[]>([
    [sha(1), []],
    [sha(2), [sha(1)]],
    [sha(3), [sha(2)]],
    [sha(4), [sha(3)]],
    [sha(5), [sha(2), sha(4)]],
    [sha(6), [sha(5)]],
  ]);
  const entries = [6, 4, 3, 2].map((n) => ({
    commit: sha(n),
    date: '',
    author: 'Ana',
    subject: 's',
    model: 'churn',
    action: 'promote',
  }));

  it('gives the commits of a merged branch the pull request and who merged it', () => {
    const out = attributePullRequests(entries, sha(6), graph, [
      {
        commit: sha(5),
        parents: [sha(2), sha(4)],
        author: 'Mona',
        subject: 'Merge pull request #57 from acme/promote',
      },
    ]);
    expect(out.map((e) => [e.commit, e.pullRequest, e.mergedBy])).toEqual([
      [sha(6), undefined, undefined],
      [sha(4), 57, 'Mona'],
      [sha(3), 57, 'Mona'],
      [sha(2), undefined, undefined],
    ]);
  });

  it('ignores merges that are not pull requests', () => {
    const out = attributePullRequests(entries, sha(6), graph, [
      { commit: sha(5), parents: [sha(2), sha(4)], author: 'Mona', subject: "Merge branch 'x'" },
    ]);
    expect(out.every((e) => e.pullRequest === undefined)).toBe(true);
  });
});
