export const id = 792;
export const ids = [792,970];
export const modules = {

/***/ 7721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deprecateCommand: () => (/* binding */ deprecateCommand),
  promoteCommand: () => (/* binding */ promoteCommand),
  rollbackCommand: () => (/* binding */ rollbackCommand)
});

// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/registry/gto-tags.ts
var gto_tags = __webpack_require__(2917);
// EXTERNAL MODULE: ./src/core/registry/names.ts
var names = __webpack_require__(1979);
;// CONCATENATED MODULE: ./src/core/registry/promotion.ts

function checkStage(stages, stage) {
    if (!stages.includes(stage))
        throw new errors/* ModelciError */.wN('INPUT', `unknown stage "${stage.slice(0, 80)}"`, {
            hint: `Configured stages: ${stages.join(', ')} (registry.stages in modelci.yaml)`,
        });
}
/** Every reason the version may not enter the stage; none means it may. */
function decidePromotion(input) {
    checkStage(input.stages, input.stage);
    const { record, stage } = input;
    const reasons = [];
    if (input.pointers[stage]?.version === record.version)
        return { action: 'noop', reasons: [`${stage} already holds ${record.version}`] };
    if (record.deprecated)
        reasons.push(`version ${record.version} is deprecated${record.deprecated.reason ? ` (${record.deprecated.reason})` : ''}`);
    if (record.gates && !record.gates.passed) {
        const failed = record.gates.results.filter((g) => !g.passed);
        reasons.push(`gates failed: ${failed.length ? failed.map((g) => `${g.gate}: ${g.reason}`).join('; ') : 'verdict is "failed"'}`);
    }
    const index = input.stages.indexOf(stage);
    if (input.requirePreviousStage && index > 0 && !input.rollback) {
        const before = input.stages[index - 1];
        const held = input.pointers[before]?.version;
        if (held !== record.version)
            reasons.push(`${stage} requires the version to be in ${before} first (${before} holds ${held ?? 'nothing'})`);
    }
    for (const c of input.checks)
        if (c.state !== 'success')
            reasons.push(`required check "${c.name}" is ${c.state === 'missing' ? 'not reported' : c.state}${c.detail ? ` (${c.detail})` : ''} on ${record.lineage.commit?.slice(0, 12) ?? 'the commit'}`);
    return reasons.length ? { action: 'refuse', reasons } : { action: 'move', reasons: [] };
}
/** The version a rollback returns to: the pointer's previous version unless one is given. */
function rollbackTarget(pointer, to) {
    if (to)
        return to;
    if (!pointer)
        throw new errors/* ModelciError */.wN('REGISTRY', 'nothing to roll back: the stage holds no version', {
            hint: 'Promote a version first',
        });
    if (!pointer.previous)
        throw new errors/* ModelciError */.wN('REGISTRY', `nothing to roll back to: ${pointer.stage} has held only ${pointer.version}`, { hint: 'Pass the version to go to with --to' });
    return pointer.previous;
}

// EXTERNAL MODULE: ./src/core/registry/trailers.ts
var trailers = __webpack_require__(9067);
;// CONCATENATED MODULE: ./src/github/commit-checks.ts

const GREEN = new Set(['success', 'neutral', 'skipped']);
/**
 * The state of each named check on a commit: a check run of that name (the latest one wins) or,
 * failing that, a commit status with that context. Unreported names come back `missing`.
 */
async function readRequiredChecks(client, repository, sha, names) {
    if (!names.length)
        return [];
    const [owner, repo] = repository.split('/');
    try {
        const runs = await client.paginate(client.rest.checks.listForRef, {
            owner,
            repo,
            ref: sha,
            per_page: 100,
        });
        const { data: combined } = await client.rest.repos.getCombinedStatusForRef({
            owner,
            repo,
            ref: sha,
            per_page: 100,
        });
        return names.map((name) => {
            const mine = runs.filter((r) => r.name === name).sort((a, b) => b.id - a.id);
            const run = mine[0];
            if (run) {
                if (run.status !== 'completed')
                    return { name, state: 'pending', detail: `check run ${run.status}` };
                if (run.conclusion && GREEN.has(run.conclusion))
                    return { name, state: 'success' };
                return {
                    name,
                    state: 'failure',
                    detail: `check run concluded ${run.conclusion ?? 'without a conclusion'}`,
                };
            }
            const status = combined.statuses.find((s) => s.context === name);
            if (status) {
                if (status.state === 'success')
                    return { name, state: 'success' };
                if (status.state === 'pending')
                    return { name, state: 'pending', detail: 'status pending' };
                return { name, state: 'failure', detail: `status ${status.state}` };
            }
            return { name, state: 'missing' };
        });
    }
    catch (e) {
        const status = e.status;
        throw new errors/* ModelciError */.wN('GITHUB', `cannot read the checks of ${sha.slice(0, 12)}: ${e.message}`, {
            hint: status === 403 || status === 401
                ? 'The job needs `checks: read` and `statuses: read` permissions'
                : 'Check the repository and token',
        });
    }
}

// EXTERNAL MODULE: ./src/registry/checkout.ts
var registry_checkout = __webpack_require__(47);
// EXTERNAL MODULE: ./src/registry/layout.ts
var layout = __webpack_require__(7853);
// EXTERNAL MODULE: ./src/registry/record-file.ts + 1 modules
var record_file = __webpack_require__(4128);
// EXTERNAL MODULE: ./src/registry/registry.ts
var registry = __webpack_require__(7936);
// EXTERNAL MODULE: ./src/registry/run-context.ts
var run_context = __webpack_require__(7836);
// EXTERNAL MODULE: ./src/registry/settings.ts
var registry_settings = __webpack_require__(3710);
// EXTERNAL MODULE: ./src/registry/transaction.ts
var transaction = __webpack_require__(1463);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
;// CONCATENATED MODULE: ./src/registry/promotion-pr.ts





/**
 * GitOps promotion: the change is committed on `modelci/promote/<model>/<stage>` (one branch and one
 * open PR per model and stage) on top of the registry branch, in a scratch worktree so the
 * checkout is untouched. Re-running with the same target updates nothing.
 */
async function promoteByPullRequest(opts) {
    const { checkout, remote } = opts;
    const git = checkout.git;
    const head = `modelci/promote/${opts.model}/${opts.stage}`;
    await git.fetch(remote, checkout.branch);
    const base = (await git.revParse(`${remote}/${checkout.branch}`)) ?? (await git.head());
    const scratch = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'modelci-promote-'));
    try {
        await git.run(['worktree', 'add', '--quiet', '--detach', scratch, base]);
        const wt = new git_git/* Git */.T(scratch);
        const rel = (0,external_node_path_.relative)(checkout.root, checkout.dir) || '.';
        const plan = await opts.plan((0,external_node_path_.join)(scratch, rel), wt);
        if ('noop' in plan)
            return { result: plan.noop };
        await wt.add([rel]);
        const commit = await wt.commit(plan.message, opts.identity);
        const existing = await git.remoteBranchHead(remote, head);
        let same = false;
        if (existing) {
            await git.exec(['fetch', '--quiet', '--no-tags', remote, `refs/heads/${head}`]);
            // Same parent and same registry tree: the open PR already proposes exactly this change.
            const [parent, tree] = (await wt.run(['rev-parse', `${existing}^`, `${existing}:${rel}`])).split('\n');
            const ourTree = (await wt.run(['rev-parse', `${commit}:${rel}`])).trim();
            const stageFile = `${rel}/${opts.model}/stages/${opts.stage}.yaml`;
            same =
                parent === base &&
                    (tree === ourTree || (await sameTarget(wt, existing, commit, stageFile)));
        }
        if (!same &&
            (await wt.push(remote, [`+${commit}:refs/heads/${head}`], { force: true })) !== 'pushed')
            throw new errors/* ModelciError */.wN('GIT', `could not push the promotion branch ${head}`);
        const pr = await upsertPullRequest(opts, head, checkout.branch, plan.message, same);
        return { result: plan.result, pullRequest: pr };
    }
    finally {
        await git.exec(['worktree', 'remove', '--force', scratch]);
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
/** The proposed pointers name the same version (timestamps differ between runs). */
async function sameTarget(wt, a, b, file) {
    const read = async (c) => {
        const r = await wt.exec(['show', `${c}:${file}`]);
        return /^version: (.*)$/m.exec(r.stdout)?.[1];
    };
    const [va, vb] = await Promise.all([read(a), read(b)]);
    return va !== undefined && va === vb;
}
async function upsertPullRequest(opts, head, baseBranch, message, unchanged) {
    const { client, repository } = opts.github;
    const [owner, repo] = repository.split('/');
    const [title, ...rest] = message.split('\n');
    const body = `${rest.join('\n').trim()}\n\n<!-- modelci:promotion ${opts.model}/${opts.stage} -->\nMerging this pull request moves the stage pointer; the deployment follows the merge.`;
    try {
        const { data: open } = await client.rest.pulls.list({
            owner,
            repo,
            state: 'open',
            head: `${owner}:${head}`,
            base: baseBranch,
            per_page: 10,
        });
        const found = open[0];
        if (found) {
            if (!unchanged || found.title !== title)
                await client.rest.pulls.update({
                    owner,
                    repo,
                    pull_number: found.number,
                    title: title,
                    body,
                });
            return {
                number: found.number,
                url: found.html_url,
                branch: head,
                action: unchanged && found.title === title ? 'not-updated' : 'updated',
            };
        }
        const { data: created } = await client.rest.pulls.create({
            owner,
            repo,
            head,
            base: baseBranch,
            title: title,
            body,
        });
        return { number: created.number, url: created.html_url, branch: head, action: 'created' };
    }
    catch (e) {
        const status = e.status;
        throw new errors/* ModelciError */.wN('GITHUB', `cannot open the promotion pull request: ${e.message}`, {
            hint: status === 403
                ? 'The job needs `pull-requests: write` and `contents: write` permissions'
                : 'Check the repository and token',
        });
    }
}

;// CONCATENATED MODULE: ./src/commands/promote.ts
















async function prepare(opts) {
    const env = opts.env ?? process.env;
    const settings = (0,registry_settings/* registrySettings */.H)(opts.config);
    const model = (0,names/* checkName */.I3)(opts.model);
    checkStage(settings.stages, opts.stage);
    const checkout = await (0,registry_checkout/* openCheckout */.H)(opts.registry ?? settings.path, {
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
        ...(settings.branch ? { branch: settings.branch } : {}),
        env,
    });
    const ctx = (0,run_context/* runContext */.p)(env, { ...opts.context }, await checkout.git.head(), checkout.branch);
    return { settings, checkout, ctx, model, stage: opts.stage };
}
/** Check states by commit, asked once per run even when a lost race re-plans. */
function checksReader(opts, settings) {
    const cache = new Map();
    return (record) => {
        const names = settings.requiredChecks;
        if (!names.length)
            return Promise.resolve([]);
        const sha = record.lineage.commit;
        if (!sha)
            return Promise.resolve(names.map((name) => ({
                name,
                state: 'missing',
                detail: 'the version records no commit',
            })));
        if (!opts.github)
            throw new errors/* ModelciError */.wN('INPUT', `required checks (${names.join(', ')}) need a GitHub token to read`, {
                hint: 'Pass a token (GITHUB_TOKEN) or remove registry.required_checks',
            });
        let p = cache.get(sha);
        if (!p)
            cache.set(sha, (p = readRequiredChecks(opts.github.client, opts.github.repository, sha, names)));
        return p;
    };
}
function pointerFor(p, version, current, at, reason, rollback) {
    return {
        schema: 'modelci/stage@1',
        model: p.model,
        stage: p.stage,
        version,
        ...(current ? { previous: current.version } : {}),
        promoted_at: at.toISOString(),
        promoted_by: p.ctx.actor,
        ...(reason ? { reason } : {}),
        ...(p.ctx.runUrl ? { run_url: p.ctx.runUrl } : {}),
        ...(rollback ? { rollback: true } : {}),
    };
}
function write(file, text) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, text);
}
/** Builds the plan that moves a stage, re-evaluated on every attempt against the registry as it is. */
function stagePlanner(p, opts, dir, git, pick, rollback) {
    const checks = checksReader(opts, p.settings);
    const now = opts.now ?? (() => new Date());
    return async () => {
        const reg = (0,registry/* openRegistry */.Me)(dir);
        const current = reg.getStage(p.model, p.stage);
        const version = pick(reg, current);
        const record = reg.getVersion(p.model, version);
        const pointers = reg.listStages(p.model);
        const decision = decidePromotion({
            stages: p.settings.stages,
            stage: p.stage,
            record,
            pointers,
            requirePreviousStage: p.settings.requirePreviousStage,
            checks: rollback ? [] : await checks(record),
            rollback,
        });
        const result = { version, ...(current ? { previous: current.version } : {}) };
        if (decision.action === 'noop')
            return { noop: result };
        if (decision.action === 'refuse')
            throw new errors/* ModelciError */.wN('GATE', `cannot ${rollback ? 'roll back' : 'promote'} ${p.model} ${version} to ${p.stage}: ${decision.reasons.join('; ')}`, { hint: 'Nothing was written' });
        const stageFile = layout/* layout */.Z.stageFile(dir, p.model, p.stage);
        write(stageFile, (0,record_file/* recordToYaml */.Kz)(pointerFor(p, version, current, now(), opts.reason, rollback)));
        const verb = rollback ? 'Roll back' : 'Promote';
        const tags = p.settings.tags
            ? [
                {
                    name: (0,gto_tags/* stageTag */.j0)(p.model, p.stage, (0,gto_tags/* nextStageNumber */.DY)(p.model, p.stage, await git.tags(`${p.model}#${p.stage}*`))),
                    message: `Assigning stage ${p.stage} to ${p.model} version ${version}`,
                },
            ]
            : [];
        return {
            message: (0,trailers/* commitMessage */.df)(`${verb} ${p.model} ${version} to ${p.stage}`, [current ? `${p.stage} held ${current.version}.` : `${p.stage} held nothing.`, opts.reason]
                .filter(Boolean)
                .join(' '), {
                model: p.model,
                version,
                stage: p.stage,
                action: rollback ? 'rollback' : 'promote',
                actor: p.ctx.actor,
                ...(p.ctx.runUrl ? { run: p.ctx.runUrl } : {}),
            }),
            tags,
            result,
            files: [stageFile],
        };
    };
}
async function moveStage(opts, pick, rollback) {
    const p = await prepare(opts);
    const { checkout } = p;
    const mode = opts.mode ?? p.settings.promotion;
    const remote = opts.remote ?? 'origin';
    if (mode === 'pull-request') {
        if (!opts.github)
            throw new errors/* ModelciError */.wN('INPUT', 'promotion by pull request needs a GitHub token', {
                hint: 'Pass a token (GITHUB_TOKEN)',
            });
        const pr = await promoteByPullRequest({
            checkout,
            remote,
            model: p.model,
            stage: p.stage,
            github: opts.github,
            identity: checkout.identity,
            plan: (dir, git) => stagePlanner(p, opts, dir, git, pick, rollback)(),
            ...(opts.log ? { log: opts.log } : {}),
        });
        return {
            model: p.model,
            stage: p.stage,
            version: pr.result.version,
            previous: pr.result.previous,
            status: pr.pullRequest ? 'pull-request' : 'unchanged',
            pushed: Boolean(pr.pullRequest),
            attempts: 1,
            tags: [],
            ...(pr.pullRequest ? { pullRequest: pr.pullRequest } : {}),
        };
    }
    const tx = await (0,transaction/* commitRegistryChange */.P)({
        git: checkout.git,
        paths: [checkout.relDir],
        push: opts.push ?? false,
        remote,
        branch: checkout.branch,
        retry: (0,transaction/* retryPolicy */.J)(p.settings.pushAttempts, opts.env ?? process.env),
        ...(checkout.identity ? { identity: checkout.identity } : {}),
        ...(opts.log ? { log: opts.log } : {}),
        plan: stagePlanner(p, opts, checkout.dir, checkout.git, pick, rollback),
    });
    return {
        model: p.model,
        stage: p.stage,
        version: tx.result.version,
        previous: tx.result.previous,
        status: tx.commit ? 'moved' : 'unchanged',
        ...(tx.commit ? { commit: tx.commit } : {}),
        pushed: tx.pushed,
        attempts: tx.attempts,
        tags: tx.tags,
    };
}
/** Moves a stage pointer to a version after its gates, required checks and stage order pass. */
function runPromote(opts) {
    return moveStage(opts, (reg) => reg.resolveVersion(opts.model, opts.version), false);
}
/** Points a stage back at the version it held before (or `to`). */
function runRollback(opts) {
    return moveStage(opts, (reg, current) => rollbackTarget(current, opts.to ? reg.resolveVersion(opts.model, opts.to) : undefined), true);
}
/** Marks a version deprecated: it can no longer be promoted. Refused while a stage holds it. */
async function runDeprecate(opts) {
    const env = opts.env ?? process.env;
    const settings = (0,registry_settings/* registrySettings */.H)(opts.config);
    const model = (0,names/* checkName */.I3)(opts.model);
    const now = opts.now ?? (() => new Date());
    const checkout = await (0,registry_checkout/* openCheckout */.H)(opts.registry ?? settings.path, {
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
        ...(settings.branch ? { branch: settings.branch } : {}),
        env,
    });
    const ctx = (0,run_context/* runContext */.p)(env, { ...opts.context }, await checkout.git.head(), checkout.branch);
    const tx = await (0,transaction/* commitRegistryChange */.P)({
        git: checkout.git,
        paths: [checkout.relDir],
        push: opts.push ?? false,
        remote: opts.remote ?? 'origin',
        branch: checkout.branch,
        retry: (0,transaction/* retryPolicy */.J)(settings.pushAttempts, env),
        ...(checkout.identity ? { identity: checkout.identity } : {}),
        plan: async () => {
            const reg = (0,registry/* openRegistry */.Me)(checkout.dir);
            const version = reg.resolveVersion(model, opts.version);
            const record = reg.getVersion(model, version);
            if (record.deprecated)
                return { noop: { version } };
            const holding = Object.values(reg.listStages(model))
                .filter((s) => s.version === version)
                .map((s) => s.stage);
            if (holding.length)
                throw new errors/* ModelciError */.wN('REGISTRY', `cannot deprecate ${model} ${version}: ${holding.join(' and ')} still hold${holding.length === 1 ? 's' : ''} it`, {
                    hint: 'Promote another version to those stages (or roll back) first',
                });
            const updated = {
                ...record,
                deprecated: {
                    at: now().toISOString(),
                    by: ctx.actor,
                    ...(opts.reason ? { reason: opts.reason } : {}),
                },
            };
            write(reg.versionFile(model, version), (0,record_file/* recordToYaml */.Kz)(updated));
            return {
                message: (0,trailers/* commitMessage */.df)(`Deprecate ${model} ${version}`, opts.reason, {
                    model,
                    version,
                    action: 'deprecate',
                    actor: ctx.actor,
                    ...(ctx.runUrl ? { run: ctx.runUrl } : {}),
                }),
                tags: settings.tags
                    ? [
                        {
                            name: (0,gto_tags/* deprecatedVersionTag */.Qn)(model, version),
                            message: `Deprecating ${model} version ${version}`,
                        },
                    ]
                    : [],
                result: { version },
                files: [reg.versionFile(model, version)],
            };
        },
    });
    return {
        model,
        version: tx.result.version,
        status: tx.commit ? 'deprecated' : 'unchanged',
        ...(tx.commit ? { commit: tx.commit } : {}),
        pushed: tx.pushed,
        tags: tx.tags,
    };
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/promote.ts





const common = {
    registry: { type: 'string' },
    model: { type: 'string' },
    stage: { type: 'string' },
    reason: { type: 'string' },
    push: { type: 'boolean' },
    remote: { type: 'string' },
    mode: { type: 'string' },
    config: { type: 'string' },
    repository: { type: 'string' },
    json: { type: 'boolean' },
};
/** The options every stage write shares, from argv and modelci.yaml. */
function stageOptions(args, io, needStage = true) {
    const model = (0,command/* stringOpt */.rJ)(args, 'model');
    const stage = (0,command/* stringOpt */.rJ)(args, 'stage');
    if (!model)
        throw new errors/* ModelciError */.wN('USAGE', '--model is required');
    if (needStage && !stage)
        throw new errors/* ModelciError */.wN('USAGE', '--stage is required');
    const configFile = (0,command/* stringOpt */.rJ)(args, 'config');
    const { config } = (0,load/* loadConfig */.Z9)(configFile, { explicit: Boolean(configFile) });
    const mode = (0,command/* stringOpt */.rJ)(args, 'mode');
    if (mode && mode !== 'commit' && mode !== 'pull-request')
        throw new errors/* ModelciError */.wN('USAGE', `--mode must be commit or pull-request (got "${mode}")`);
    const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
    const repository = (0,command/* stringOpt */.rJ)(args, 'repository') ?? io.env.GITHUB_REPOSITORY;
    const opts = {
        model,
        stage: stage ?? '',
        push: (0,command/* flagOpt */.ac)(args, 'push'),
        env: io.env,
        log: (m) => io.stderr(`${m}\n`),
    };
    const registry = (0,command/* stringOpt */.rJ)(args, 'registry');
    const reason = (0,command/* stringOpt */.rJ)(args, 'reason');
    const remote = (0,command/* stringOpt */.rJ)(args, 'remote');
    if (registry)
        opts.registry = registry;
    if (reason)
        opts.reason = reason;
    if (remote)
        opts.remote = remote;
    if (mode)
        opts.mode = mode;
    if (config.registry)
        opts.config = config.registry;
    if (token && repository)
        opts.github = {
            client: (0,client.createGitHubClient)({
                token,
                ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
            }),
            repository,
        };
    return opts;
}
function report(r, args, io, verb) {
    if ((0,command/* flagOpt */.ac)(args, 'json')) {
        io.stdout(JSON.stringify(r, null, 2) + '\n');
        return;
    }
    io.stdout(`${r.version}\n`);
    if (r.status === 'unchanged')
        io.stderr(`${r.stage} already holds ${r.model} ${r.version}; nothing written\n`);
    else if (r.pullRequest)
        io.stderr(`promotion pull request #${r.pullRequest.number} ${r.pullRequest.action}: ${r.pullRequest.url}\n`);
    else
        io.stderr(`${verb} ${r.model} ${r.version} to ${r.stage} (was ${r.previous ?? 'empty'})${r.pushed ? ', pushed' : ''}\n`);
}
const promoteCommand = {
    name: 'promote',
    summary: 'Move a stage pointer to a version after its gates and required checks pass',
    usage: [
        'Usage: modelci promote --model <name> --version <X.Y.Z|#stage|latest> --stage <stage>',
        '         [--registry <dir>] [--reason <text>] [--push] [--mode commit|pull-request] [--json]',
    ].join('\n'),
    options: { ...common, version: { type: 'string' } },
    async run(args, io) {
        const version = (0,command/* stringOpt */.rJ)(args, 'version');
        if (!version)
            throw new errors/* ModelciError */.wN('USAGE', '--version is required');
        report(await runPromote({ ...stageOptions(args, io), version }), args, io, 'promoted');
    },
};
const rollbackCommand = {
    name: 'rollback',
    summary: 'Point a stage back at the version it held before',
    usage: 'Usage: modelci rollback --model <name> --stage <stage> [--to <X.Y.Z>] [--registry <dir>] [--reason <text>] [--push] [--json]',
    options: { ...common, to: { type: 'string' } },
    async run(args, io) {
        const to = (0,command/* stringOpt */.rJ)(args, 'to');
        report(await runRollback({ ...stageOptions(args, io), ...(to ? { to } : {}) }), args, io, 'rolled back');
    },
};
const deprecateCommand = {
    name: 'deprecate',
    summary: 'Mark a version deprecated so it can no longer be promoted',
    usage: 'Usage: modelci deprecate --model <name> --version <X.Y.Z> [--reason <text>] [--registry <dir>] [--push] [--json]',
    options: { ...common, version: { type: 'string' } },
    async run(args, io) {
        const version = (0,command/* stringOpt */.rJ)(args, 'version');
        if (!version)
            throw new errors/* ModelciError */.wN('USAGE', '--version is required');
        const { stage: _s, mode: _m, ...opts } = stageOptions(args, io, false);
        const r = await runDeprecate({ ...opts, version });
        if ((0,command/* flagOpt */.ac)(args, 'json')) {
            io.stdout(JSON.stringify(r, null, 2) + '\n');
            return;
        }
        io.stdout(`${r.version}\n`);
        io.stderr(r.status === 'unchanged'
            ? `${r.model} ${r.version} was already deprecated\n`
            : `deprecated ${r.model} ${r.version}\n`);
    },
};


/***/ }),

/***/ 2917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DY: () => (/* binding */ nextStageNumber),
/* harmony export */   Qn: () => (/* binding */ deprecatedVersionTag),
/* harmony export */   Vm: () => (/* binding */ versionTag),
/* harmony export */   j0: () => (/* binding */ stageTag)
/* harmony export */ });
/** Git tags in GTO's format, so GTO users keep their tooling (`gto show`, `gto history`). */
function versionTag(model, version) {
    return `${model}@v${version}`;
}
/** GTO's deregistration tag for a deprecated version. */
function deprecatedVersionTag(model, version) {
    return `${model}@v${version}!`;
}
/** GTO numbers stage assignments per model and stage: `<model>#<stage>#<n>`. */
function stageTag(model, stage, n) {
    return `${model}#${stage}#${n}`;
}
/** The next assignment number given the existing tag names (assignments and unassignments count). */
function nextStageNumber(model, stage, tags) {
    const prefix = `${model}#${stage}`;
    let max = 0;
    for (const t of tags) {
        if (!t.startsWith(prefix))
            continue;
        const m = /^(?:!)?#(\d+)$/.exec(t.slice(prefix.length));
        if (m)
            max = Math.max(max, Number(m[1]));
    }
    return max + 1;
}


/***/ }),

/***/ 9067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   df: () => (/* binding */ commitMessage),
/* harmony export */   i6: () => (/* binding */ parseHistory),
/* harmony export */   nA: () => (/* binding */ HISTORY_FORMAT)
/* harmony export */ });
/* unused harmony exports FIELD_SEP, RECORD_SEP */
const KEYS = [
    ['model', 'Model'],
    ['version', 'Version'],
    ['stage', 'Stage'],
    ['action', 'Registry-Action'],
    ['actor', 'Actor'],
    ['run', 'Run'],
];
function clean(v) {
    // A trailer value is one line; newlines in user text would forge other trailers.
    return v.replace(/[\r\n]+/g, ' ').trim();
}
function commitMessage(subject, body, t) {
    const lines = KEYS.filter(([k]) => t[k]).map(([k, name]) => `${name}: ${clean(String(t[k]))}`);
    return `${clean(subject)}\n\n${body ? `${body.trim()}\n\n` : ''}${lines.join('\n')}\n`;
}
/** Field and record separators used in the `git log --format` of src/git. */
const FIELD_SEP = '\x1f';
const RECORD_SEP = '\x1e';
const HISTORY_FORMAT = `%H${FIELD_SEP}%aI${FIELD_SEP}%an${FIELD_SEP}%s${FIELD_SEP}%(trailers:only,unfold)${RECORD_SEP}`;
/** Parses `git log --format=HISTORY_FORMAT` output; commits without a Model trailer are skipped. */
function parseHistory(text, model) {
    const out = [];
    for (const raw of text.split(RECORD_SEP)) {
        const rec = raw.replace(/^\s+/, '');
        if (!rec)
            continue;
        const [commit, date, author, subject, trailers = ''] = rec.split(FIELD_SEP);
        if (!commit || !date || author === undefined || subject === undefined)
            continue;
        const t = {};
        for (const line of trailers.split('\n')) {
            const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
            if (m)
                t[m[1].toLowerCase()] = m[2];
        }
        if (!t.model || (model && t.model !== model))
            continue;
        out.push({
            commit,
            date,
            author,
            subject,
            model: t.model,
            action: t['registry-action'] ?? 'change',
            ...(t.version ? { version: t.version } : {}),
            ...(t.stage ? { stage: t.stage } : {}),
            ...(t.actor ? { actor: t.actor } : {}),
            ...(t.run ? { run: t.run } : {}),
        });
    }
    return out;
}


/***/ }),

/***/ 308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ Git)
/* harmony export */ });
/* unused harmony export isPermissionDenied */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/** Errors of git that mean the token cannot write: the job lacks `contents: write`. */
const PERMISSION_RE = /(The requested URL returned error: 403|Permission denied|permission to .* denied|HTTP 403|403 Forbidden|Write access to repository not granted)/i;
/** A push lost a race: someone else pushed first. */
const REJECTED_RE = /(\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|! \[remote rejected\].*(incorrect old value|failed to lock|stale info))/i;
function isPermissionDenied(text) {
    return PERMISSION_RE.test(text);
}
/**
 * A small typed wrapper over the `git` binary (execFile, never a shell) for one working tree.
 * Every call gets `-c core.quotepath=off` so paths print as they are.
 */
class Git {
    cwd;
    env;
    constructor(cwd, env = process.env) {
        this.cwd = cwd;
        this.env = env;
    }
    /** Runs git; resolves with the exit code instead of throwing. */
    exec(args, input) {
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', ['-c', 'core.quotepath=off', ...args], {
                cwd: this.cwd,
                env: { ...this.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
                maxBuffer: 256 << 20,
                encoding: 'utf8',
            }, (err, stdout, stderr) => {
                if (err && typeof err.code === 'string') {
                    const code = err.code;
                    if (code === 'ENOENT')
                        return reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('GIT', 'git is not installed or not on PATH', {
                            hint: 'Install git',
                        }));
                    return reject(err);
                }
                resolve({ stdout, stderr, code: err ? (err.code ?? 1) : 0 });
            });
            if (input !== undefined)
                child.stdin?.end(input);
        });
    }
    /** Runs git and returns stdout; a non-zero exit is a ModelciError quoting git. */
    async run(args, input) {
        const r = await this.exec(args, input);
        if (r.code !== 0)
            throw gitError(args, r);
        return r.stdout;
    }
    async topLevel() {
        const r = await this.exec(['rev-parse', '--show-toplevel']);
        if (r.code !== 0)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('GIT', `not a git repository: ${this.cwd}`, {
                hint: 'Run inside a checkout (actions/checkout) of the repository that holds the registry',
            });
        return r.stdout.trim();
    }
    /** The branch checked out, or undefined on a detached HEAD. */
    async currentBranch() {
        const r = await this.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']);
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    async head() {
        return (await this.run(['rev-parse', 'HEAD'])).trim();
    }
    async revParse(ref) {
        const r = await this.exec(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    /** `git status --porcelain` lines: tracked changes anywhere, plus untracked files under `paths`. */
    async dirtyFiles(paths) {
        const tracked = await this.run(['status', '--porcelain', '--untracked-files=no']);
        const under = paths.length
            ? await this.run(['status', '--porcelain', '--untracked-files=all', '--', ...paths])
            : '';
        return [...new Set([...tracked.split('\n'), ...under.split('\n')].filter(Boolean))];
    }
    async configValue(key) {
        const r = await this.exec(['config', '--get', key]);
        return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
    }
    async add(paths) {
        await this.run(['add', '-A', '--', ...paths]);
    }
    /** True when the index differs from HEAD under `paths`. */
    async hasStagedChanges(paths) {
        const r = await this.exec(['diff', '--cached', '--quiet', '--', ...paths]);
        return r.code === 1;
    }
    async commit(message, identity) {
        const id = identity
            ? ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`]
            : [];
        await this.run([...id, 'commit', '--quiet', '--no-verify', '-F', '-'], message);
        return this.head();
    }
    async tag(name, message, identity) {
        const id = identity
            ? ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`]
            : [];
        await this.run([...id, 'tag', '-a', name, '-m', message]);
    }
    async deleteTag(name) {
        await this.exec(['tag', '-d', name]);
    }
    async tags(pattern) {
        return (await this.run(['tag', '--list', pattern])).split('\n').filter(Boolean);
    }
    async resetHard(ref) {
        await this.run(['reset', '--quiet', '--hard', ref]);
    }
    /** Removes untracked files under `paths`. */
    async clean(paths) {
        await this.run(['clean', '-fdq', '--', ...paths]);
    }
    async fetch(remote, branch) {
        const r = await this.exec([
            'fetch',
            '--quiet',
            '--no-tags',
            remote,
            `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`,
        ]);
        if (r.code !== 0)
            throw remoteError('fetch', r);
    }
    async fetchTags(remote) {
        await this.exec(['fetch', '--quiet', remote, '+refs/tags/*:refs/tags/*']);
    }
    /** Rebases the current branch onto `onto`; aborts and returns false on a conflict. */
    async rebase(onto) {
        const r = await this.exec(['rebase', '--quiet', onto]);
        if (r.code === 0)
            return true;
        await this.exec(['rebase', '--abort']);
        return false;
    }
    /**
     * Pushes refspecs atomically. `rejected` means someone else pushed first (fetch, rebase, retry);
     * a permission problem or any other refusal throws.
     */
    async push(remote, refspecs, opts = {}) {
        const r = await this.exec([
            'push',
            '--porcelain',
            '--atomic',
            ...(opts.force ? ['--force'] : []),
            remote,
            ...refspecs,
        ]);
        if (r.code === 0)
            return 'pushed';
        const text = `${r.stdout}\n${r.stderr}`;
        if (isPermissionDenied(text))
            throw remoteError('push', r);
        if (REJECTED_RE.test(text))
            return 'rejected';
        throw remoteError('push', r);
    }
    async log(args) {
        return this.run(['log', ...args]);
    }
    async remoteBranchHead(remote, branch) {
        const r = await this.exec(['ls-remote', '--heads', remote, `refs/heads/${branch}`]);
        if (r.code !== 0)
            throw remoteError('ls-remote', r);
        return r.stdout.split(/\s/)[0] || undefined;
    }
}
function lastLines(text, n = 3) {
    return text.trim().split('\n').filter(Boolean).slice(-n).join(' | ').slice(0, 500);
}
function gitError(args, r) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('GIT', `git ${args[0]} failed: ${lastLines(r.stderr || r.stdout)}`);
}
/** Remote failures say what to do; a 403 means the workflow's token cannot write. */
function remoteError(what, r) {
    const text = `${r.stderr}\n${r.stdout}`;
    if (isPermissionDenied(text))
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('GIT', `git ${what} was denied: ${lastLines(r.stderr || r.stdout, 2)}`, {
            hint: 'The job needs `permissions: contents: write` (and a token that may push to the registry branch)',
        });
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelciError */ .wN('GIT', `git ${what} failed: ${lastLines(text)}`);
}


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);




// plugin-throttling's limiter interface, scheduling at once: used when write spacing is off.
const NO_SPACING = {
    key: () => ({
        schedule: (_opts, fn, ...args) => fn(...args),
    }),
};
// Statuses plugin-retry must leave alone: client errors (409 too: a stale sha or failed checks
// stay so on retry), and 403/429, which plugin-throttling retries after the server's
// retry-after (plugin-retry would ignore it and back off 1 s, 4 s, ...).
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];
/**
 * The one GitHub client every action uses: retries 5xx with backoff, waits out primary and
 * secondary rate limits (403/429 + retry-after or x-ratelimit-reset). This is the only place
 * that retries HTTP.
 */
function createGitHubClient(opts) {
    const retries = opts.retries ?? 4;
    const log = opts.log ?? (() => { });
    const baseUrl = opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com';
    const spaceWrites = opts.spaceWrites ?? process.env.MODELCI_GITHUB_WRITE_SPACING !== 'off';
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q)(opts.token, {
        baseUrl,
        // Not `request: { retries }`: plugin-retry then re-sends even 4xx answers (404, 422, 403).
        retry: { retries, doNotRetry: DO_NOT_RETRY },
        throttle: {
            // Rate limits belong to a (server, token) pair: clients of one share the write spacing.
            id: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
                .update(`${baseUrl}\n${opts.token}\n${opts.queue ?? ''}`)
                .digest('hex')
                .slice(0, 16),
            // Typed as object: the plugin declares Bottleneck groups, but only calls key().schedule().
            ...(spaceWrites ? {} : { write: NO_SPACING, notifications: NO_SPACING }),
            onRateLimit: (retryAfter, options, _o, retryCount) => {
                log(`rate limited on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
                return retryCount < retries;
            },
            onSecondaryRateLimit: (retryAfter, options, _o, retryCount) => {
                log(`secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
                return retryCount < retries;
            },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
}


/***/ }),

/***/ 47:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ openCheckout)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(308);




const BOT = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
/**
 * Checks what a write needs before anything is written: a git checkout, a branch (not a detached
 * HEAD), the configured registry branch, and no uncommitted changes that would get mixed in.
 */
async function openCheckout(registryDir, opts) {
    const cwd = opts.cwd ?? process.cwd();
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, registryDir);
    // The registry folder may not exist yet: ask git from its nearest existing parent.
    let probe = dir;
    while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(probe) && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(probe) !== probe)
        probe = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(probe);
    const root = await new _git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .Git */ .T(probe, opts.env).topLevel();
    const git = new _git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .Git */ .T(root, opts.env);
    const relDir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, dir) || '.';
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(relDir) || relDir === '..' || relDir.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('INPUT', `the registry folder ${registryDir} is outside the git checkout ${root}`, {
            hint: 'Point --registry at a folder inside the repository',
        });
    const [branch, dirty, email, name] = await Promise.all([
        git.currentBranch(),
        git.dirtyFiles([relDir]),
        git.configValue('user.email'),
        git.configValue('user.name'),
    ]);
    if (!branch)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('GIT', 'HEAD is detached: a registry commit needs a branch', {
            hint: `Check out the registry branch (${opts.branch ?? 'e.g. main'}), e.g. actions/checkout with \`ref: ${opts.branch ?? 'main'}\``,
        });
    if (opts.branch && branch !== opts.branch)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('GIT', `the registry branch is ${opts.branch} but ${branch} is checked out`, {
            hint: `Check out ${opts.branch} first (registry.branch in modelci.yaml)`,
        });
    if (dirty.length)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('GIT', `the worktree has uncommitted changes (${dirty
            .slice(0, 3)
            .map((l) => l.slice(3))
            .join(', ')}${dirty.length > 3 ? ', ...' : ''})`, {
            hint: 'Commit or stash them first: a registry commit must contain only the registry change',
        });
    return { git, root, dir, relDir, branch, ...(email && name ? {} : { identity: BOT }) };
}


/***/ }),

/***/ 7836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ runContext)
/* harmony export */ });
function runContext(env, given, head, branch) {
    const runUrl = env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const ctx = {
        actor: given.actor ?? env.GITHUB_ACTOR ?? env.USER ?? 'modelci',
        commit: given.commit ?? (/^[0-9a-f]{40}$/.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA : head),
        ref: given.ref ?? env.GITHUB_REF ?? `refs/heads/${branch}`,
    };
    const url = given.runUrl ?? runUrl;
    if (url)
        ctx.runUrl = url;
    if (given.pullRequest)
        ctx.pullRequest = given.pullRequest;
    return ctx;
}


/***/ }),

/***/ 3710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ registrySettings)
/* harmony export */ });
function registrySettings(c = {}) {
    return {
        path: c.path ?? 'registry',
        branch: c.branch,
        stages: c.stages ?? ['staging', 'production'],
        requirePreviousStage: c.require_previous_stage ?? false,
        requiredChecks: c.required_checks ?? [],
        bump: c.bump ?? 'minor',
        tags: c.tags ?? false,
        promotion: c.promotion ?? 'commit',
        pushAttempts: c.push_attempts ?? 20,
        store: c.store ?? {},
    };
}


/***/ }),

/***/ 1463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ retryPolicy),
/* harmony export */   P: () => (/* binding */ commitRegistryChange)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** Retry settings from the environment (tests shorten the backoff), else the defaults. */
function retryPolicy(attempts, env) {
    const num = (v, d) => (v && /^\d+$/.test(v) ? Number(v) : d);
    return {
        attempts: num(env.MODELCI_PUSH_ATTEMPTS, attempts),
        baseMs: num(env.MODELCI_RETRY_BASE_MS, 500),
        maxMs: num(env.MODELCI_RETRY_MAX_MS, 8000),
    };
}
/**
 * One registry change as one commit, pushed with the race rules: a rejected push drops the local
 * commit, fetches, rebases, and re-plans from the new state (a taken version is re-allocated, a
 * moved stage re-evaluated), with jittered exponential backoff, a bounded number of times. Any
 * failure leaves the checkout as it was (nothing written).
 */
async function commitRegistryChange(opts) {
    const { git } = opts;
    const log = opts.log ?? (() => { });
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const random = opts.random ?? Math.random;
    let base = await git.head();
    // In CI the checkout usually equals the remote branch: then a lost race just moves to its new tip.
    const tracking = `${opts.remote}/${opts.branch}`;
    let even = opts.push && (await git.revParse(tracking)) === base;
    for (let attempt = 1; attempt <= opts.retry.attempts; attempt++) {
        const made = [];
        try {
            const plan = await opts.plan(attempt);
            if ('noop' in plan) {
                await undo(git, base, made, opts.paths);
                return { result: plan.noop, pushed: false, attempts: attempt, tags: [] };
            }
            await git.add(plan.files ?? opts.paths);
            const commit = await git.commit(plan.message, opts.identity);
            for (const t of plan.tags) {
                await git.tag(t.name, t.message, opts.identity);
                made.push(t.name);
            }
            if (!opts.push)
                return { result: plan.result, commit, pushed: false, attempts: attempt, tags: made };
            const refspecs = [`HEAD:refs/heads/${opts.branch}`, ...made.map((t) => `refs/tags/${t}`)];
            if ((await git.push(opts.remote, refspecs)) === 'pushed')
                return { result: plan.result, commit, pushed: true, attempts: attempt, tags: made };
            log(`push rejected (attempt ${attempt}/${opts.retry.attempts}): someone else pushed first; fetching and re-checking`);
        }
        catch (e) {
            await undo(git, base, made, opts.paths);
            throw e;
        }
        for (const t of made)
            await git.deleteTag(t);
        try {
            if (attempt === opts.retry.attempts) {
                await git.resetHard(base);
                break;
            }
            // Wait first, then fetch: the state we re-plan from should be as fresh as possible.
            const delay = Math.min(opts.retry.maxMs, opts.retry.baseMs * 2 ** (attempt - 1)) * (0.5 + random());
            await sleep(Math.round(delay));
            await git.fetch(opts.remote, opts.branch);
            // Tag numbers (GTO stage tags) are allocated from the tags we know: learn the new ones.
            if (made.length)
                await git.fetchTags(opts.remote);
            if (even)
                await git.resetHard(tracking);
            else {
                await git.resetHard(base);
                if (!(await git.rebase(tracking)))
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('GIT', `cannot rebase ${opts.branch} onto ${tracking}: local commits conflict`, { hint: 'Push or drop your local commits first, then run again' });
            }
            base = await git.head();
            even = (await git.revParse(tracking)) === base;
        }
        catch (e) {
            await git.resetHard(base);
            throw e;
        }
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('GIT', `gave up after ${opts.retry.attempts} push attempts: other writers kept pushing to ${opts.branch} first`, {
        hint: 'Run again, or raise registry.push_attempts',
    });
}
async function undo(git, base, tags, paths) {
    for (const t of tags)
        await git.deleteTag(t);
    await git.resetHard(base);
    // The registry paths were clean when we started, so anything untracked there is ours.
    await git.clean(paths);
}


/***/ })

};
