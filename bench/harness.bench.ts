// `npm run bench -- harness`: what the GitHub stand-in costs a test. Floor measured in the same
// run: the same Octokit client against a bare node:http server answering the same JSON bytes
// without state, routing or OpenAPI checks. Figures: start time, per-request latency, ratio.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitHubClient } from '../src/github/client.js';
import { ACTIONS_TOKEN, startGitHubServer } from '../test/harness/github/index.js';

process.env.MODELCI_GITHUB_WRITE_SPACING = 'off';
const N = Number(process.env.BENCH_REQUESTS ?? 400);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number) => n.toFixed(2);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

const [coldStart, gh] = await time(() => startGitHubServer());
const [warmStart, gh2] = await time(() => startGitHubServer());
await gh2.close();

const { pull } = gh.state.repo('acme/models').addPull({ title: 'bench', head: 'bench' });
for (let i = 0; i < 20; i++)
  gh.state.repo('acme/models').addComment(pull.number, `c${i}`, gh.state.defaultActor);
const client = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: gh.url });
const args = { owner: 'acme', repo: 'models', issue_number: pull.number };

// Same answers from a server that only replays bytes: the floor for Octokit + loopback HTTP.
const listBody = JSON.stringify((await client.rest.issues.listComments(args)).data);
const createBody = JSON.stringify(
  (await client.rest.issues.createComment({ ...args, body: 'x' })).data,
);
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const post = req.method === 'POST';
    res.writeHead(post ? 201 : 200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(post ? createBody : listBody);
  });
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
const bareClient = createGitHubClient({ token: ACTIONS_TOKEN, baseUrl: bareUrl });

type Op = 'list' | 'create' | 'fetch';

/** One request: through Octokit (list, create) or a plain keep-alive fetch of the list. */
function request(c: typeof client, base: string, op: Op): Promise<unknown> {
  if (op === 'list') return c.rest.issues.listComments(args);
  if (op === 'create') return c.rest.issues.createComment({ ...args, body: 'x' });
  return fetch(`${base}/repos/acme/models/issues/${pull.number}/comments`, {
    headers: { authorization: `token ${ACTIONS_TOKEN}` },
  }).then((r) => r.arrayBuffer());
}

async function latency(c: typeof client, base: string, op: Op): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < N; i++) out.push((await time(() => request(c, base, op)))[0]);
  return out;
}

const rows: string[] = [];
const label: Record<Op, string> = {
  list: 'Octokit: list 20 comments',
  create: 'Octokit: create a comment',
  fetch: 'fetch (keep-alive): list 20 comments',
};
for (const op of ['list', 'create', 'fetch'] as const) {
  await latency(bareClient, bareUrl, op);
  await latency(client, gh.url, op);
  const floor = median(await latency(bareClient, bareUrl, op));
  const stand = median(await latency(client, gh.url, op));
  rows.push(`| ${label[op]} | ${ms(floor)} | ${ms(stand)} | ${(stand / floor).toFixed(2)}x |`);
}
if (gh.state.violations.length)
  throw new Error(`stand-in violations: ${gh.state.violations.length}`);
await gh.close();
bare.close();

console.log(
  `GitHub stand-in vs a bare replay server, same Octokit client, ${N} sequential requests per figure (median).`,
);
console.log('');
console.log(
  `- start: first server in a process ${ms(coldStart)} ms (loads the OpenAPI subset), next ${ms(warmStart)} ms`,
);
console.log('');
console.log('| request | floor ms | stand-in ms | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
