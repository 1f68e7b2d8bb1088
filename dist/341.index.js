export const id = 341;
export const ids = [341,970];
export const modules = {

/***/ 3013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/deploy/smoke.ts + 1 modules
var deploy_smoke = __webpack_require__(8796);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/deploy/targets/command.ts


/**
 * The user's deploy script, run by the shell with the model in its environment: MODEL_PATH,
 * MODEL_NAME, MODEL_VERSION, MODEL_SHA256, MODEL_URI, ENVIRONMENT (and ENVIRONMENT_URL). A
 * non-zero exit fails the deployment; past the timeout the process group is killed.
 */
class CommandTarget {
    command;
    cwd;
    kind = 'command';
    constructor(command, cwd = process.cwd()) {
        this.command = command;
        this.cwd = cwd;
    }
    deploy(ctx) {
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)(this.command, {
                shell: true,
                cwd: this.cwd,
                detached: true,
                stdio: ['ignore', 'pipe', 'pipe'],
                env: {
                    ...process.env,
                    MODEL_PATH: ctx.artifactPath,
                    MODEL_NAME: ctx.model,
                    MODEL_VERSION: ctx.version,
                    MODEL_SHA256: ctx.sha256,
                    MODEL_URI: ctx.artifactUri,
                    ENVIRONMENT: ctx.environment,
                    ...(ctx.url ? { ENVIRONMENT_URL: ctx.url } : {}),
                },
            });
            let tail = '';
            const keep = (d) => {
                const text = d.toString();
                for (const line of text.split('\n'))
                    if (line.trim())
                        ctx.log(`  ${line}`);
                tail = (tail + text).slice(-2000);
            };
            child.stdout.on('data', keep);
            child.stderr.on('data', keep);
            let timedOut = false;
            const timer = setTimeout(() => {
                timedOut = true;
                // The whole process group: a shell's children must not outlive the deploy.
                try {
                    process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    child.kill('SIGKILL');
                }
            }, ctx.timeoutMs);
            child.on('error', (e) => {
                clearTimeout(timer);
                reject(new errors/* ModelciError */.wN('DEPLOY', `cannot run deploy command: ${e.message}`));
            });
            child.on('close', (code, signal) => {
                clearTimeout(timer);
                const last = tail.trim().split('\n').slice(-3).join(' | ');
                if (timedOut)
                    reject(new errors/* ModelciError */.wN('DEPLOY', `deploy command timed out after ${ctx.timeoutMs / 1000}s`, {
                        hint: 'Raise environments.<env>.timeout_minutes or make the command faster',
                    }));
                else if (code !== 0)
                    reject(new errors/* ModelciError */.wN('DEPLOY', `deploy command failed with ${code === null ? `signal ${signal}` : `exit code ${code}`}${last ? `: ${last}` : ''}`));
                else
                    resolve({ ...(ctx.url ? { url: ctx.url } : {}), detail: `ran \`${this.command}\`` });
            });
        });
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/deploy/targets/gitops.ts






const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await run('git', args, { cwd, maxBuffer: 16 << 20 });
        return stdout;
    }
    catch (e) {
        const err = e;
        throw new errors/* ModelciError */.wN('GIT', `git ${args[0]} failed: ${(err.stderr || err.message).trim()}`);
    }
}
/** The desired state a reconciler (Argo CD, Flux, a cron job) reads. Stable key order. */
function pointerYaml(ctx) {
    return [
        '# Written by `modelci deploy`: the version this environment should run.',
        `model: ${ctx.model}`,
        `environment: ${ctx.environment}`,
        `version: ${ctx.version}`,
        'artifact:',
        `  uri: ${JSON.stringify(ctx.artifactUri)}`,
        `  sha256: ${ctx.sha256}`,
        '',
    ].join('\n');
}
/**
 * GitOps: commits the version pointer into a path of a config repository's branch and pushes.
 * Writing the same pointer twice makes no commit; a rejected push is fetched, rebased, retried.
 */
class GitopsTarget {
    opts;
    kind = 'gitops';
    constructor(opts) {
        this.opts = opts;
    }
    filePath(ctx) {
        const rel = (0,external_node_path_.normalize)(this.opts.path.replaceAll('{model}', ctx.model).replaceAll('{environment}', ctx.environment));
        if ((0,external_node_path_.isAbsolute)(rel) || rel.startsWith('..'))
            throw new errors/* ModelciError */.wN('CONFIG', `gitops path must stay inside the repository (got ${rel})`, {
                path: `environments.${ctx.environment}.gitops.path`,
            });
        return rel;
    }
    async deploy(ctx) {
        const rel = this.filePath(ctx);
        const remote = /^[a-z]+:\/\/|^[^/]+@[^:]+:/.test(this.opts.repo)
            ? this.opts.repo
            : (0,external_node_path_.resolve)(this.opts.repo);
        const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'modelci-gitops-'));
        const branch = this.opts.branch;
        try {
            await git(work, ['init', '-q']);
            await git(work, ['remote', 'add', 'origin', remote]);
            const attempts = this.opts.attempts ?? 5;
            for (let attempt = 1; attempt <= attempts; attempt++) {
                const heads = await git(work, ['ls-remote', '--heads', 'origin', branch]);
                if (heads.trim()) {
                    await git(work, ['fetch', '-q', '--depth', '1', 'origin', branch]);
                    await git(work, ['checkout', '-q', '-B', branch, 'FETCH_HEAD']);
                }
                else {
                    await git(work, ['checkout', '-q', '--orphan', branch]);
                }
                const file = (0,external_node_path_.join)(work, rel);
                const content = pointerYaml(ctx);
                if ((0,external_node_fs_.existsSync)(file) && (0,external_node_fs_.readFileSync)(file, 'utf8') === content)
                    return { detail: `${rel} on ${branch} already names ${ctx.version}; nothing to commit` };
                (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
                (0,external_node_fs_.writeFileSync)(file, content);
                await git(work, ['add', '--', rel]);
                await git(work, [
                    '-c',
                    `user.name=${process.env.GIT_AUTHOR_NAME ?? 'modelci'}`,
                    '-c',
                    `user.email=${process.env.GIT_AUTHOR_EMAIL ?? 'modelci@users.noreply.github.com'}`,
                    'commit',
                    '-q',
                    '-m',
                    `Deploy ${ctx.model} ${ctx.version} to ${ctx.environment}\n\nModel: ${ctx.model}\nVersion: ${ctx.version}\nEnvironment: ${ctx.environment}`,
                ]);
                try {
                    await git(work, ['push', '-q', 'origin', `HEAD:refs/heads/${branch}`]);
                    const sha = (await git(work, ['rev-parse', 'HEAD'])).trim();
                    ctx.log(`gitops: pushed ${rel} (${sha.slice(0, 7)}) to ${branch}`);
                    return { detail: `committed ${rel} at ${sha.slice(0, 7)} on ${branch}` };
                }
                catch (e) {
                    if (attempt === attempts)
                        throw e;
                    ctx.log(`gitops: push rejected (attempt ${attempt}); fetching and retrying`);
                }
            }
            throw new errors/* ModelciError */.wN('GIT', 'unreachable');
        }
        finally {
            (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
        }
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/cli/argv.ts
var argv = __webpack_require__(5310);
;// CONCATENATED MODULE: ./src/deploy/targets/server.ts







const DEFAULT_SERVER_URL = 'http://127.0.0.1:8080';
/** How to run `modelci`: MODELCI_CLI (a command line), else the CLI bundle next to this code. */
function modelciCommand(env = process.env) {
    if (env.MODELCI_CLI)
        return (0,argv/* splitCommandLine */.a)(env.MODELCI_CLI);
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const cli = (0,external_node_path_.join)(dir, 'dist', 'cli', 'index.js');
        if ((0,external_node_fs_.existsSync)(cli))
            return [process.execPath, cli];
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new errors/* ModelciError */.wN('DEPLOY', 'cannot find the modelci CLI to start the server', {
        hint: 'Set MODELCI_CLI to the command that runs modelci',
    });
}
function isLoopback(url) {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
async function alive(base) {
    try {
        const res = await fetch(`${base}/v2/health/live`, { signal: AbortSignal.timeout(1_000) });
        await res.arrayBuffer();
        return res.ok;
    }
    catch {
        return false;
    }
}
/**
 * The built-in server as a target: a running `modelci serve` at the environment's URL gets the
 * version hot-swapped in through its repository API (no dropped requests); when nothing answers on
 * a loopback URL, a new server is started in the background with the model.
 */
class ServerTarget {
    opts;
    kind = 'server';
    constructor(opts = {}) {
        this.opts = opts;
    }
    async deploy(ctx) {
        const base = (ctx.url ?? DEFAULT_SERVER_URL).replace(/\/+$/, '');
        const url = new URL(base);
        if (await alive(base))
            return this.swap(base, ctx);
        if (!isLoopback(url))
            throw new errors/* ModelciError */.wN('DEPLOY', `no modelci server answers at ${base}`, {
                hint: 'Start `modelci serve` there first; deploy only starts servers on loopback',
            });
        return this.start(base, url, ctx);
    }
    async swap(base, ctx) {
        const token = this.opts.token ?? process.env.MODELCI_SERVE_TOKEN;
        const res = await fetch(`${base}/v2/repository/models/${encodeURIComponent(ctx.model)}/load`, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify({
                parameters: { uri: ctx.artifactPath, version: ctx.version, sha256: ctx.sha256 },
            }),
            signal: AbortSignal.timeout(ctx.timeoutMs),
        });
        const body = (await res.json().catch(() => ({})));
        if (res.status !== 200)
            throw new errors/* ModelciError */.wN('DEPLOY', `the server at ${base} refused version ${ctx.version}: HTTP ${res.status} ${body.error ?? ''}`.trim());
        ctx.log(`server: hot-swapped ${ctx.model} to ${ctx.version} at ${base}`);
        return { url: base, detail: `hot-swapped ${ctx.model} to ${ctx.version} on ${base}` };
    }
    async start(base, url, ctx) {
        const [cmd, ...args] = modelciCommand(this.opts.env);
        const logDir = this.opts.logDir ?? process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)();
        (0,external_node_fs_.mkdirSync)(logDir, { recursive: true });
        const logFile = (0,external_node_path_.join)(logDir, `modelci-serve-${ctx.environment}.log`);
        const out = (0,external_node_fs_.openSync)(logFile, 'a');
        const child = (0,external_node_child_process_.spawn)(cmd, [
            ...args,
            'serve',
            '--model',
            `${ctx.model}=${ctx.artifactPath}`,
            '--host',
            url.hostname.replace(/^\[|\]$/g, ''),
            '--port',
            url.port || '80',
        ], { detached: true, stdio: ['ignore', out, out] });
        child.unref();
        const deadline = Date.now() + ctx.timeoutMs;
        while (Date.now() < deadline) {
            if (child.exitCode !== null)
                throw new errors/* ModelciError */.wN('DEPLOY', `modelci serve exited with code ${child.exitCode}`, {
                    file: logFile,
                    hint: 'See the server log',
                });
            if (await alive(base))
                break;
            await new Promise((r) => setTimeout(r, 100));
        }
        if (!(await alive(base)))
            throw new errors/* ModelciError */.wN('DEPLOY', `modelci serve did not start at ${base} in time`, {
                file: logFile,
            });
        // The first load names the version by file; swap in the registry version label.
        const swapped = await this.swap(base, ctx);
        ctx.log(`server: started modelci serve (pid ${child.pid}) at ${base}; log ${logFile}`);
        return {
            ...swapped,
            pid: child.pid,
            detail: `started modelci serve (pid ${child.pid}) with ${ctx.model} ${ctx.version} on ${base}`,
        };
    }
}

;// CONCATENATED MODULE: ./src/deploy/targets/index.ts





/** The target an environment's config names (`server` by default). */
function createTarget(environment, env, cwd) {
    switch (env.target ?? 'server') {
        case 'command':
            if (!env.command)
                throw new errors/* ModelciError */.wN('CONFIG', 'the command target needs a command', {
                    path: `environments.${environment}.command`,
                });
            return new CommandTarget(env.command, cwd);
        case 'gitops': {
            const g = env.gitops ?? {};
            const repo = g.repo ?? '.';
            return new GitopsTarget({
                repo: /^[a-z]+:\/\/|^[^/]+@[^:]+:/.test(repo) ? repo : (0,external_node_path_.resolve)(cwd, repo),
                branch: g.branch ?? 'main',
                path: g.path ?? 'deploy/{environment}/{model}.yaml',
            });
        }
        case 'server':
            return new ServerTarget();
    }
}

;// CONCATENATED MODULE: ./src/github/deployments.ts
/**
 * Records a GitHub Deployment. `auto_merge: false` (deploying a registry pointer must not merge
 * the default branch into the ref) and `required_contexts: []` (gates already ran at promotion).
 */
async function createDeployment(client, repo, d) {
    const res = await client.rest.repos.createDeployment({
        ...repo,
        ref: d.ref,
        environment: d.environment,
        description: d.description.slice(0, 140),
        payload: d.payload,
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        ...(d.productionEnvironment === undefined
            ? {}
            : { production_environment: d.productionEnvironment }),
    });
    if (res.status !== 201 || !('id' in res.data))
        throw new Error(`GitHub did not create the deployment (HTTP ${res.status})`);
    return res.data.id;
}
async function setDeploymentStatus(client, repo, deploymentId, s) {
    await client.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: deploymentId,
        state: s.state,
        ...(s.description ? { description: s.description.slice(0, 140) } : {}),
        ...(s.environmentUrl ? { environment_url: s.environmentUrl } : {}),
        ...(s.logUrl ? { log_url: s.logUrl } : {}),
        // Superseded deployments are marked inactive explicitly (production ones too), below.
        auto_inactive: false,
    });
}
/**
 * Marks every earlier deployment of the environment whose latest status is `success` as
 * `inactive`: the environment now runs `current`. Returns the ids it changed.
 */
async function deactivateSuperseded(client, repo, environment, current) {
    const deployments = await client.paginate(client.rest.repos.listDeployments, {
        ...repo,
        environment,
        per_page: 100,
    });
    const changed = [];
    for (const d of deployments) {
        if (d.id === current || d.id > current)
            continue;
        const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
            ...repo,
            deployment_id: d.id,
            per_page: 1,
        });
        if (statuses[0]?.state !== 'success')
            continue;
        await setDeploymentStatus(client, repo, d.id, {
            state: 'inactive',
            description: `superseded by deployment ${current}`,
        });
        changed.push(d.id);
    }
    return changed;
}
/**
 * The deployment GitHub created for this job's `environment:` key: the newest deployment of the
 * environment at this commit whose latest status is still open (none, queued, pending, in_progress).
 */
async function findJobDeployment(client, repo, environment, sha) {
    const { data } = await client.rest.repos.listDeployments({
        ...repo,
        environment,
        sha,
        per_page: 20,
    });
    for (const d of [...data].sort((a, b) => b.id - a.id)) {
        const { data: statuses } = await client.rest.repos.listDeploymentStatuses({
            ...repo,
            deployment_id: d.id,
            per_page: 1,
        });
        const state = statuses[0]?.state;
        if (state === undefined || ['queued', 'pending', 'in_progress'].includes(state))
            return d.id;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/registry/index.ts
var registry = __webpack_require__(1119);
// EXTERNAL MODULE: ./src/registry/layout.ts
var layout = __webpack_require__(7853);
;// CONCATENATED MODULE: ./src/commands/deploy.ts








function previousOf(reg, model, stage, version) {
    const pointer = reg.getStage(model, stage);
    if (!pointer)
        return undefined;
    return pointer.version === version ? pointer.previous : pointer.version;
}
/**
 * Deploys one model version to one environment: resolve the version from the stage pointer,
 * verify the artifact, record a GitHub Deployment (queued -> in_progress -> success/failure), run
 * the target, smoke-test, and on failure roll back to the previous version. Superseded
 * deployments become inactive. Failures are results (outcome), not exceptions, once recorded.
 */
async function runDeploy(o) {
    const log = o.log ?? (() => { });
    const stage = o.config.stage ?? o.environment;
    const reg = (0,registry/* openRegistry */.Me)(o.registryDir, o.registryOptions);
    const version = o.version ??
        reg.getStage(o.model, stage)?.version ??
        (() => {
            throw new errors/* ModelciError */.wN('REGISTRY', `model "${o.model}" has no "${stage}" stage pointer`, {
                hint: `Promote a version first (modelci promote ${o.model} --stage ${stage}) or pass a version`,
            });
        })();
    const record = reg.getVersion(o.model, version);
    const artifactPath = await reg.readArtifact(record);
    log(`deploying ${o.model} ${version} (sha256 ${record.artifact.sha256.slice(0, 12)}…) to ${o.environment}`);
    const previous = previousOf(reg, o.model, stage, version);
    const timeoutMs = (o.config.timeout_minutes ?? 10) * 60_000;
    const target = o.target ?? createTarget(o.environment, o.config, o.cwd);
    // Samples are recorded per version at evaluation: `{model}` and `{version}` in the path; without
    // a configured path, the ones stored with the version at registration (smoke/<X.Y.Z>.jsonl).
    const samplesFor = (v) => {
        if (o.config.smoke?.samples)
            return (0,deploy_smoke/* readSmokeSamples */.r9)((0,external_node_path_.resolve)(o.cwd, o.config.smoke.samples.replaceAll('{model}', o.model).replaceAll('{version}', v)));
        const stored = layout/* layout */.Z.smokeFile(reg.dir, o.model, v);
        return (0,external_node_fs_.existsSync)(stored) ? (0,deploy_smoke/* readSmokeSamples */.r9)(stored) : undefined;
    };
    const samples = samplesFor(version);
    const gh = o.github;
    let deploymentId = gh?.deploymentId;
    const status = async (state, description, url) => {
        if (!gh || deploymentId === undefined)
            return;
        await setDeploymentStatus(gh.client, gh.repo, deploymentId, {
            state,
            description,
            ...(url ? { environmentUrl: url } : {}),
            ...(gh.logUrl ? { logUrl: gh.logUrl } : {}),
        });
    };
    if (gh && deploymentId === undefined) {
        deploymentId = await createDeployment(gh.client, gh.repo, {
            ref: gh.ref,
            environment: o.environment,
            description: `${o.model} ${version}`,
            payload: {
                model: o.model,
                version,
                sha256: record.artifact.sha256,
                artifact: record.artifact.uri,
                ...(previous ? { previous_version: previous } : {}),
            },
            productionEnvironment: o.environment === 'production',
        });
        log(`recorded deployment ${deploymentId} for ${o.environment}`);
        await status('queued', `${o.model} ${version} queued`);
    }
    const result = {
        model: o.model,
        environment: o.environment,
        version,
        sha256: record.artifact.sha256,
        previousVersion: previous,
        outcome: 'success',
        url: o.config.url,
        deploymentId,
        inactive: [],
        target: target.kind,
        targetDetail: undefined,
        smoke: undefined,
        failure: undefined,
        rolledBackTo: undefined,
        rollbackFailure: undefined,
        pid: undefined,
    };
    const contextFor = (rec, path) => ({
        model: o.model,
        version: rec.version,
        sha256: rec.artifact.sha256,
        artifactPath: path,
        artifactUri: rec.artifact.uri,
        environment: o.environment,
        url: o.config.url,
        timeoutMs,
        log,
    });
    const smoke = async (url, v) => {
        if (!samples)
            return undefined;
        if (!url)
            throw new errors/* ModelciError */.wN('CONFIG', 'the smoke test needs the environment URL', {
                path: `environments.${o.environment}.url`,
            });
        return (0,deploy_smoke/* runSmokeTest */.pb)({
            url,
            model: o.model,
            // Only the built-in server reports the registry version; other servers label their own.
            ...(target.kind === 'server' ? { version: v } : {}),
            samples,
            ...(o.config.smoke?.count ? { count: o.config.smoke.count } : {}),
            tolerance: o.config.smoke?.tolerance ?? 1e-4,
            ...(o.config.smoke?.latency_ms ? { latencyMs: o.config.smoke.latency_ms } : {}),
            readyTimeoutMs: Math.min(timeoutMs, 60_000),
            log,
        });
    };
    try {
        await status('in_progress', `deploying ${o.model} ${version} with the ${target.kind} target`);
        let deployed;
        try {
            deployed = await target.deploy(contextFor(record, artifactPath));
            result.targetDetail = deployed.detail;
            result.url = deployed.url ?? o.config.url;
            result.pid = deployed.pid;
            result.smoke = await smoke(result.url, version);
            if (result.smoke && !result.smoke.passed)
                result.failure = `smoke test failed: ${result.smoke.checks
                    .filter((c) => !c.passed)
                    .map((c) => `${c.name}: ${c.detail}`)
                    .join('; ')}`;
        }
        catch (e) {
            result.failure = `${target.kind} target failed: ${(0,errors/* describeError */.Uc)(e)}`;
        }
        if (result.failure === undefined) {
            await status('success', `${o.model} ${version} is live`, result.url);
            if (gh && deploymentId !== undefined)
                result.inactive = await deactivateSuperseded(gh.client, gh.repo, o.environment, deploymentId);
            log(`deployed ${o.model} ${version} to ${o.environment}${result.url ? ` at ${result.url}` : ''}`);
            return result;
        }
        log(`deploy failed: ${result.failure}`);
        result.outcome = 'failed';
        if ((o.rollback ?? true) && previous) {
            try {
                const prev = reg.getVersion(o.model, previous);
                const prevPath = await reg.readArtifact(prev);
                log(`rolling back ${o.environment} to ${o.model} ${previous}`);
                const back = await target.deploy(contextFor(prev, prevPath));
                result.pid ??= back.pid;
                result.rolledBackTo = previous;
                result.outcome = 'rolled-back';
            }
            catch (e) {
                result.rollbackFailure = (0,errors/* describeError */.Uc)(e);
                log(`rollback to ${previous} failed: ${result.rollbackFailure}`);
            }
        }
        // The outcome first: GitHub keeps 140 characters of a status description.
        const why = result.outcome === 'rolled-back'
            ? `rolled back to ${previous}: ${result.failure}`
            : `failed, not rolled back: ${result.failure}`;
        await status('failure', why, result.outcome === 'rolled-back' ? result.url : undefined);
        return result;
    }
    catch (e) {
        // A bug or a GitHub outage mid-way: leave the deployment in a terminal state, then report.
        await status('error', `deploy stopped: ${(0,errors/* describeError */.Uc)(e)}`).catch(() => { });
        throw e;
    }
}

// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
;// CONCATENATED MODULE: ./src/core/deploy/summary.ts
/** Escapes Markdown/HTML control characters and neutralises @mentions. */
function escapeMarkdown(text) {
    return text
        .replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`)
        .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
        .replace(/\r?\n/g, ' ');
}
const ICON = { success: '✅', 'rolled-back': '↩️', failed: '❌' };
function renderDeploySummary(r) {
    const e = escapeMarkdown;
    const lines = [
        `### ${ICON[r.outcome]} Deploy ${e(r.model)} ${e(r.version)} to ${e(r.environment)}: ${r.outcome}`,
        '',
        '| | |',
        '| --- | --- |',
        `| version | \`${e(r.version)}\` (sha256 \`${r.sha256.slice(0, 12)}\`) |`,
        `| target | ${e(r.target)}${r.targetDetail ? `: ${e(r.targetDetail)}` : ''} |`,
    ];
    if (r.url)
        lines.push(`| url | ${e(r.url)} |`);
    if (r.deploymentId !== undefined)
        lines.push(`| deployment | ${r.deploymentId} |`);
    if (r.inactive.length)
        lines.push(`| superseded | ${r.inactive.join(', ')} (now inactive) |`);
    if (r.failure)
        lines.push(`| failure | ${e(r.failure)} |`);
    if (r.rolledBackTo)
        lines.push(`| rolled back to | \`${e(r.rolledBackTo)}\` |`);
    if (r.rollbackFailure)
        lines.push(`| rollback failed | ${e(r.rollbackFailure)} |`);
    if (r.smokeChecks?.length) {
        lines.push('', '| smoke check | result | detail |', '| --- | --- | --- |');
        for (const c of r.smokeChecks)
            lines.push(`| ${e(c.name)} | ${c.passed ? 'pass' : '**fail**'} | ${e(c.detail)} |`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/deploy.ts






const deployCommand = {
    name: 'deploy',
    summary: 'Deploy a registered model version to an environment, smoke-test it, roll back on failure',
    usage: [
        'Usage: modelci deploy --model <name> --environment <env> [--version X.Y.Z] [--registry <dir>]',
        '                      [--config modelci.yaml] [--url <url>] [--no-rollback] [--json]',
        '                      [--github-repository owner/repo --ref <sha>]   (records a GitHub Deployment;',
        '                                                                     token from GITHUB_TOKEN)',
        '',
        'The environment comes from `environments.<env>` in modelci.yaml (target, url, smoke, ...).',
        'Exit code 0 when the version is live, 1 when it failed (rolled back or not).',
    ].join('\n'),
    options: {
        model: { type: 'string' },
        environment: { type: 'string' },
        version: { type: 'string' },
        registry: { type: 'string' },
        config: { type: 'string' },
        url: { type: 'string' },
        'no-rollback': { type: 'boolean' },
        json: { type: 'boolean' },
        'github-repository': { type: 'string' },
        ref: { type: 'string' },
    },
    async run(args, io) {
        const model = (0,command/* stringOpt */.rJ)(args, 'model');
        const environment = (0,command/* stringOpt */.rJ)(args, 'environment');
        if (!model || !environment)
            throw new errors/* ModelciError */.wN('USAGE', '--model and --environment are required');
        const configFile = (0,command/* stringOpt */.rJ)(args, 'config');
        const loaded = (0,load/* loadConfig */.Z9)(configFile ?? 'modelci.yaml', { explicit: configFile !== undefined });
        const config = { ...(loaded.config.environments?.[environment] ?? {}) };
        const url = (0,command/* stringOpt */.rJ)(args, 'url');
        if (url)
            config.url = url;
        const ghRepo = (0,command/* stringOpt */.rJ)(args, 'github-repository');
        let github;
        if (ghRepo) {
            const [owner, repo] = ghRepo.split('/');
            const token = io.env.GITHUB_TOKEN;
            if (!owner || !repo || !token)
                throw new errors/* ModelciError */.wN('USAGE', '--github-repository needs owner/repo and GITHUB_TOKEN');
            github = {
                client: (0,client.createGitHubClient)({ token }),
                repo: { owner, repo },
                ref: (0,command/* stringOpt */.rJ)(args, 'ref') ?? 'HEAD',
            };
        }
        const version = (0,command/* stringOpt */.rJ)(args, 'version');
        const result = await runDeploy({
            model,
            environment,
            ...(version ? { version } : {}),
            registryDir: (0,command/* stringOpt */.rJ)(args, 'registry') ??
                loaded.config.registry?.path ??
                'registry',
            config,
            cwd: process.cwd(),
            rollback: !(0,command/* flagOpt */.ac)(args, 'no-rollback'),
            ...(github ? { github } : {}),
            log: (line) => io.stderr(`modelci deploy: ${line}\n`),
        });
        if ((0,command/* flagOpt */.ac)(args, 'json'))
            io.stdout(JSON.stringify(result, null, 2) + '\n');
        else
            io.stdout(renderDeploySummary({ ...result, smokeChecks: result.smoke?.checks }));
        return result.outcome === 'success' ? 0 : 1;
    },
};


/***/ }),

/***/ 5507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QN: () => (/* binding */ validateAgainstSignature),
/* harmony export */   YF: () => (/* binding */ parseInferenceRequest),
/* harmony export */   bd: () => (/* binding */ ProtocolError),
/* harmony export */   eR: () => (/* binding */ SMOKE_PARAMETER),
/* harmony export */   tF: () => (/* binding */ datatypeOfOnnxType)
/* harmony export */ });
/* unused harmony export DATATYPES */
/**
 * The Open Inference Protocol (KServe v2 REST) messages and their validation against a model's
 * signature. Pure: JSON in, typed flat tensors out (or a ProtocolError with the HTTP status).
 * Spec: https://github.com/kserve/open-inference-protocol (rest_predict_v2.yaml).
 */
/**
 * Request parameter a deploy smoke test sets: the server answers as usual but does not log the
 * prediction, so drift checks on the prediction log see production traffic only.
 */
const SMOKE_PARAMETER = 'modelci_smoke';
/** A request the server rejects; `status` is the HTTP status to answer with. */
class ProtocolError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'ProtocolError';
    }
}
const ONNX_TO_DATATYPE = {
    bool: 'BOOL',
    uint8: 'UINT8',
    uint16: 'UINT16',
    uint32: 'UINT32',
    uint64: 'UINT64',
    int8: 'INT8',
    int16: 'INT16',
    int32: 'INT32',
    int64: 'INT64',
    float16: 'FP16',
    float: 'FP32',
    float32: 'FP32',
    double: 'FP64',
    float64: 'FP64',
    string: 'BYTES',
};
const DATATYPES = new Set(Object.values(ONNX_TO_DATATYPE));
/** KServe datatype of an ONNX element type (`float`, onnxruntime's `float32`, ...). */
function datatypeOfOnnxType(type) {
    return ONNX_TO_DATATYPE[type];
}
const INTEGER_RANGE = {
    UINT8: [0, 255],
    UINT16: [0, 65535],
    UINT32: [0, 4294967295],
    UINT64: [0, Number.MAX_SAFE_INTEGER],
    INT8: [-128, 127],
    INT16: [-32768, 32767],
    INT32: [-2147483648, 2147483647],
    INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function describeValue(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'string')
        return `"${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
    if (typeof v === 'object')
        return 'an object';
    return String(v);
}
function checkParameters(v, where) {
    if (v === undefined)
        return undefined;
    if (!isObject(v))
        throw new ProtocolError(400, `${where} "parameters" must be an object`);
    for (const [k, p] of Object.entries(v))
        if (!['string', 'number', 'boolean'].includes(typeof p))
            throw new ProtocolError(400, `${where} parameter "${k}" must be a string, number or boolean (got ${describeValue(p)})`);
    return v;
}
/** Flattens nested data row-major; the element count is checked against the shape afterwards. */
function flatten(data, out, depth, input) {
    if (depth > 32)
        throw new ProtocolError(400, `input "${input}": data is nested too deeply`);
    for (let i = 0; i < data.length; i++) {
        const v = data[i];
        if (Array.isArray(v))
            flatten(v, out, depth + 1, input);
        else
            out.push(v);
    }
}
function badElement(v, datatype, input, index) {
    const range = INTEGER_RANGE[datatype];
    const what = datatype === 'BOOL'
        ? 'true or false'
        : datatype === 'BYTES'
            ? 'a string'
            : range && typeof v === 'number' && Number.isFinite(v)
                ? `a whole number in [${range[0]}, ${range[1]}]`
                : 'a number';
    return new ProtocolError(400, `input "${input}": element ${index} is ${describeValue(v)}, but datatype ${datatype} needs ${what}`);
}
/** Index of the first element that does not fit the datatype, or -1. One tight loop per kind. */
function firstBadElement(values, datatype) {
    const n = values.length;
    if (datatype === 'BOOL') {
        for (let i = 0; i < n; i++)
            if (typeof values[i] !== 'boolean')
                return i;
        return -1;
    }
    if (datatype === 'BYTES') {
        for (let i = 0; i < n; i++)
            if (typeof values[i] !== 'string')
                return i;
        return -1;
    }
    const range = INTEGER_RANGE[datatype];
    if (!range) {
        for (let i = 0; i < n; i++) {
            const v = values[i];
            if (typeof v !== 'number' || !Number.isFinite(v))
                return i;
        }
        return -1;
    }
    const [lo, hi] = range;
    for (let i = 0; i < n; i++) {
        const v = values[i];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
            return i;
    }
    return -1;
}
function parseInput(raw, i) {
    if (!isObject(raw))
        throw new ProtocolError(400, `inputs[${i}] must be an object`);
    const { name, shape, datatype, data, parameters } = raw;
    if (typeof name !== 'string' || name === '')
        throw new ProtocolError(400, `inputs[${i}].name must be a non-empty string`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
        throw new ProtocolError(400, `input "${name}": "shape" must be a list of whole numbers ≥ 0 (got ${JSON.stringify(shape)?.slice(0, 60)})`);
    if (typeof datatype !== 'string' || !DATATYPES.has(datatype))
        throw new ProtocolError(400, `input "${name}": unknown datatype ${describeValue(datatype)}; use one of ${[...DATATYPES].join(', ')}`);
    if (!Array.isArray(data))
        throw new ProtocolError(400, `input "${name}": "data" must be an array (flat or nested)`);
    return {
        name,
        shape: shape,
        datatype: datatype,
        data,
        ...(parameters === undefined
            ? {}
            : { parameters: checkParameters(parameters, `input "${name}"`) }),
    };
}
/** Parses the JSON body of an infer request; shape errors only, no model knowledge yet. */
function parseInferenceRequest(body) {
    if (!isObject(body))
        throw new ProtocolError(400, 'request body must be a JSON object with "inputs"');
    const { id, parameters, inputs, outputs } = body;
    if (id !== undefined && typeof id !== 'string')
        throw new ProtocolError(400, '"id" must be a string');
    if (!Array.isArray(inputs) || inputs.length === 0)
        throw new ProtocolError(400, '"inputs" must be a non-empty array');
    const parsedOutputs = [];
    if (outputs !== undefined) {
        if (!Array.isArray(outputs))
            throw new ProtocolError(400, '"outputs" must be an array');
        outputs.forEach((o, i) => {
            if (!isObject(o) || typeof o.name !== 'string')
                throw new ProtocolError(400, `outputs[${i}] must be an object with a "name"`);
            parsedOutputs.push({
                name: o.name,
                ...(o.parameters === undefined
                    ? {}
                    : { parameters: checkParameters(o.parameters, `output "${o.name}"`) }),
            });
        });
    }
    return {
        ...(id === undefined ? {} : { id }),
        ...(parameters === undefined ? {} : { parameters: checkParameters(parameters, 'request') }),
        inputs: inputs.map(parseInput),
        ...(outputs === undefined ? {} : { outputs: parsedOutputs }),
    };
}
function shapeText(shape) {
    return `[${shape.join(', ')}]`;
}
/**
 * Checks a parsed request against the model's signature: every input present once, the same
 * datatype, the same rank, fixed dimensions equal, element count equal to the shape's product.
 */
function validateAgainstSignature(request, signature, limits = {}) {
    const byName = new Map(signature.inputs.map((t) => [t.name, t]));
    const seen = new Set();
    const inputs = [];
    for (const input of request.inputs) {
        const spec = byName.get(input.name);
        if (!spec)
            throw new ProtocolError(400, `unknown input "${input.name}"; the model's inputs are ${signature.inputs.map((t) => `"${t.name}"`).join(', ')}`);
        if (seen.has(input.name))
            throw new ProtocolError(400, `input "${input.name}" is given more than once`);
        seen.add(input.name);
        if (input.datatype !== spec.datatype)
            throw new ProtocolError(400, `input "${input.name}" has datatype ${input.datatype}, but the model expects ${spec.datatype}`);
        const shapeOk = input.shape.length === spec.shape.length &&
            spec.shape.every((d, k) => d < 0 || d === input.shape[k]);
        if (!shapeOk)
            throw new ProtocolError(400, `input "${input.name}" has shape ${shapeText(input.shape)}, but the model expects ${shapeText(spec.shape)} (-1 = any size)`);
        if (limits.maxBatch !== undefined &&
            input.shape.length > 0 &&
            input.shape[0] > limits.maxBatch)
            throw new ProtocolError(400, `input "${input.name}" has ${input.shape[0]} rows; this server accepts at most ${limits.maxBatch} per request`);
        const expected = input.shape.reduce((a, b) => a * b, 1);
        const values = [];
        flatten(input.data, values, 0, input.name);
        if (values.length !== expected)
            throw new ProtocolError(400, `input "${input.name}" has ${values.length} values, but shape ${shapeText(input.shape)} needs ${expected}`);
        const bad = firstBadElement(values, input.datatype);
        if (bad >= 0)
            throw badElement(values[bad], input.datatype, input.name, bad);
        inputs.push({
            name: input.name,
            datatype: input.datatype,
            shape: input.shape,
            values: values,
        });
    }
    const missing = signature.inputs.filter((t) => !seen.has(t.name)).map((t) => `"${t.name}"`);
    if (missing.length)
        throw new ProtocolError(400, `missing input ${missing.join(', ')} required by the model`);
    const outputNames = new Set(signature.outputs.map((t) => t.name));
    let outputs = signature.outputs.map((t) => t.name);
    if (request.outputs && request.outputs.length > 0) {
        for (const o of request.outputs)
            if (!outputNames.has(o.name))
                throw new ProtocolError(400, `unknown output "${o.name}"; the model's outputs are ${[...outputNames].map((n) => `"${n}"`).join(', ')}`);
        outputs = request.outputs.map((o) => o.name);
    }
    return { id: request.id, parameters: request.parameters, inputs, outputs };
}


/***/ }),

/***/ 8796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r9: () => (/* binding */ readSmokeSamples),
  NZ: () => (/* binding */ readSmokeSamplesFile),
  pb: () => (/* binding */ runSmokeTest)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/serve/protocol.ts
var protocol = __webpack_require__(5507);
;// CONCATENATED MODULE: ./src/core/deploy/smoke-samples.ts

/**
 * The smoke samples file (`smoke.jsonl`, format `modelci/smoke-samples@1`): one JSON object per
 * line, an Open Inference Protocol request's inputs and the outputs recorded at evaluation for it:
 *   {"inputs": [{"name": "input", "shape": [1, 4], "datatype": "FP32", "data": [...]}],
 *    "outputs": {"probabilities": [0.89, 0.11], "label": [0]}}
 * Outputs are flat row-major arrays by output name; only the outputs listed are compared.
 * `recordSmokeSamples` (src/deploy/smoke-samples.ts) writes it from a model and rows.
 */
const SMOKE_SAMPLES_FORMAT = 'modelci/smoke-samples@1';
function fail(file, line, message) {
    return new errors/* ModelciError */.wN('DATA', message, {
        file,
        row: line,
        hint: `Each line is {"inputs": [...], "outputs": {...}} (${SMOKE_SAMPLES_FORMAT})`,
    });
}
function parseSmokeSamples(text, file) {
    const samples = [];
    text.split('\n').forEach((raw, k) => {
        const line = k + 1;
        if (raw.trim() === '')
            return;
        let v;
        try {
            v = JSON.parse(raw);
        }
        catch (e) {
            throw fail(file, line, `not JSON: ${e.message}`);
        }
        if (typeof v !== 'object' || v === null || Array.isArray(v))
            throw fail(file, line, 'not an object');
        const { inputs, outputs } = v;
        if (!Array.isArray(inputs) || inputs.length === 0)
            throw fail(file, line, '"inputs" must be a non-empty list');
        if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs))
            throw fail(file, line, '"outputs" must be an object of output name -> flat list');
        for (const [name, data] of Object.entries(outputs))
            if (!Array.isArray(data))
                throw fail(file, line, `outputs.${name} must be a flat list`);
        samples.push({
            line,
            inputs: inputs,
            outputs: outputs,
        });
    });
    if (samples.length === 0)
        throw new errors/* ModelciError */.wN('DATA', 'no smoke samples in file', {
            file,
            hint: 'Record samples with the evaluation (one JSON line per request)',
        });
    return samples;
}
/**
 * The first difference between recorded and served outputs: numbers within `tolerance`
 * (absolute, or relative to the recorded value when that is larger), everything else equal.
 */
function compareOutputs(expected, actual, tolerance) {
    for (const [name, want] of Object.entries(expected)) {
        const got = actual[name];
        if (!got)
            return { output: name, index: -1, expected: 'present', actual: 'missing' };
        if (got.length !== want.length)
            return {
                output: name,
                index: -1,
                expected: `${want.length} values`,
                actual: `${got.length} values`,
            };
        for (let i = 0; i < want.length; i++) {
            const w = want[i];
            const g = got[i];
            const ok = typeof w === 'number' && typeof g === 'number'
                ? Math.abs(w - g) <= tolerance * Math.max(1, Math.abs(w))
                : w === g;
            if (!ok)
                return { output: name, index: i, expected: w, actual: g };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/deploy/smoke.ts




function readSmokeSamples(file) {
    return readSmokeSamplesFile(file).samples;
}
/** The file's text and its parsed samples (register stores the text as it was checked). */
function readSmokeSamplesFile(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (e) {
        throw new errors/* ModelciError */.wN('FILE', `cannot read smoke samples: ${e.message}`, {
            file,
            hint: 'Record them with `modelci evaluate --smoke-samples <file>`, or set environments.<env>.smoke.samples',
        });
    }
    return { text, samples: parseSmokeSamples(text, file) };
}
function quantile(values, q) {
    if (values.length === 0)
        return undefined;
    const s = [...values].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
async function getOk(url, timeoutMs) {
    try {
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        return res.status === 200;
    }
    catch {
        return false;
    }
}
/**
 * The deploy smoke test: the server is ready, the model is ready, every sample's prediction
 * matches what evaluation recorded, and the latency stays within budget. Never throws for a
 * failing server: the result says what failed, so deploy can roll back.
 */
async function runSmokeTest(o) {
    const base = o.url.replace(/\/+$/, '');
    const tolerance = o.tolerance ?? 1e-4;
    const requestTimeout = o.requestTimeoutMs ?? 10_000;
    const checks = [];
    const latencies = [];
    const done = () => ({
        passed: checks.every((c) => c.passed),
        checks,
        latencies,
        p50Ms: quantile(latencies, 0.5),
        p95Ms: quantile(latencies, 0.95),
    });
    const deadline = Date.now() + (o.readyTimeoutMs ?? 30_000);
    let ready = false;
    while (!(ready = await getOk(`${base}/v2/health/ready`, requestTimeout)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
    checks.push({
        name: 'health',
        passed: ready,
        detail: ready ? `${base}/v2/health/ready answered 200` : `${base} did not become ready`,
    });
    if (!ready)
        return done();
    const modelReady = await getOk(`${base}/v2/models/${encodeURIComponent(o.model)}/ready`, requestTimeout);
    checks.push({
        name: 'model ready',
        passed: modelReady,
        detail: modelReady ? `model "${o.model}" is ready` : `model "${o.model}" is not ready`,
    });
    if (!modelReady)
        return done();
    const samples = o.samples.slice(0, o.count ?? o.samples.length);
    const failures = [];
    const versions = new Set();
    for (const sample of samples) {
        const t0 = performance.now();
        let status = 0;
        let body = {};
        try {
            const res = await fetch(`${base}/v2/models/${encodeURIComponent(o.model)}/infer`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                // SMOKE_PARAMETER keeps these requests out of the server's prediction log (not traffic).
                body: JSON.stringify({
                    id: `smoke-${sample.line}`,
                    parameters: { [protocol/* SMOKE_PARAMETER */.eR]: true },
                    inputs: sample.inputs,
                }),
                signal: AbortSignal.timeout(requestTimeout),
            });
            status = res.status;
            body = (await res.json());
        }
        catch (e) {
            failures.push(`sample line ${sample.line}: request failed: ${e.message}`);
            continue;
        }
        latencies.push(performance.now() - t0);
        if (status !== 200) {
            failures.push(`sample line ${sample.line}: HTTP ${status}: ${String(body.error ?? '')}`);
            continue;
        }
        if (typeof body.model_version === 'string')
            versions.add(body.model_version);
        const outputs = {};
        for (const out of body.outputs ?? [])
            outputs[out.name] = out.data;
        const diff = compareOutputs(sample.outputs, outputs, tolerance);
        if (diff)
            failures.push(diff.index < 0
                ? `sample line ${sample.line}: output "${diff.output}" ${diff.actual} (expected ${diff.expected})`
                : `sample line ${sample.line}: output "${diff.output}"[${diff.index}] = ${JSON.stringify(diff.actual)}, recorded ${JSON.stringify(diff.expected)} (tolerance ${tolerance})`);
    }
    checks.push({
        name: 'predictions',
        passed: failures.length === 0,
        detail: failures.length === 0
            ? `${samples.length} predictions match the recorded outputs (tolerance ${tolerance})`
            : `${failures.length} of ${samples.length} predictions differ: ${failures.slice(0, 3).join('; ')}`,
    });
    if (o.version !== undefined) {
        const wrong = [...versions].filter((v) => v !== o.version);
        checks.push({
            name: 'version',
            passed: wrong.length === 0 && versions.size > 0,
            detail: wrong.length === 0 && versions.size > 0
                ? `the server answers with version ${o.version}`
                : `the server answered with version ${[...versions].join(', ') || 'none'}, expected ${o.version}`,
        });
    }
    if (o.latencyMs !== undefined) {
        const p95 = quantile(latencies, 0.95);
        checks.push({
            name: 'latency',
            passed: p95 !== undefined && p95 <= o.latencyMs,
            detail: `p95 ${p95 === undefined ? 'n/a' : p95.toFixed(1)} ms (budget ${o.latencyMs} ms)`,
        });
    }
    for (const c of checks)
        o.log?.(`smoke ${c.name}: ${c.passed ? 'ok' : 'FAILED'}: ${c.detail}`);
    return done();
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

/***/ 1119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Me: () => (/* reexport safe */ _registry_js__WEBPACK_IMPORTED_MODULE_0__.Me)
/* harmony export */ });
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7936);
/** The registry's reading API; see README.md next to this file. */



/***/ })

};
