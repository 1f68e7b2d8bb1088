export const id = 545;
export const ids = [545];
export const modules = {

/***/ 5528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registryCommand: () => (/* binding */ registryCommand)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/registry/trailers.ts
var trailers = __webpack_require__(9067);
// EXTERNAL MODULE: ./src/git/git.ts
var git_git = __webpack_require__(308);
// EXTERNAL MODULE: ./src/registry/layout.ts
var layout = __webpack_require__(7853);
// EXTERNAL MODULE: ./src/registry/registry.ts
var registry = __webpack_require__(7936);
;// CONCATENATED MODULE: ./src/commands/registry.ts







/** Every model with its version numbers and stage pointers (no version record is parsed). */
function runRegistryList(dir) {
    const reg = (0,registry/* openRegistry */.Me)(dir);
    return { registry: dir, models: reg.listModels().map((m) => reg.summary(m)) };
}
/** One version by reference: `churn`, `churn@1.2.0`, `churn#production`. */
function runRegistryShow(dir, refText) {
    const reg = (0,registry/* openRegistry */.Me)(dir);
    const { model, ref } = (0,registry/* parseModelRef */.qV)(refText);
    const version = reg.resolve(model, ref);
    const stages = Object.entries(reg.listStages(model))
        .filter(([, p]) => p.version === version.version)
        .map(([s]) => s);
    return { model: reg.getModel(model), version, stages };
}
/** The audit trail of one model (or all) from commit trailers, newest first. */
async function runRegistryHistory(dir, model, env) {
    const reg = (0,registry/* openRegistry */.Me)(dir);
    const git = new git_git/* Git */.T(reg.dir, env);
    const root = await git.topLevel();
    const path = (0,external_node_path_.relative)(root, model ? layout/* layout */.Z.modelDir(reg.dir, model) : reg.dir) || '.';
    const text = await new git_git/* Git */.T(root, env).log([`--format=${trailers/* HISTORY_FORMAT */.nA}`, '--', path]);
    return (0,trailers/* parseHistory */.i6)(text, model);
}
/** Checks every record against its schema, every pointer's target, every artifact's sha256. */
async function runRegistryVerify(dir, opts = {}) {
    const reg = (0,registry/* openRegistry */.Me)(dir, opts);
    const out = { models: 0, versions: 0, artifacts: 0, problems: [] };
    const problem = (file, e) => out.problems.push({ file: (0,external_node_path_.relative)(process.cwd(), file) || file, message: (0,errors/* describeError */.Uc)(e) });
    for (const name of reg.listModels()) {
        out.models++;
        try {
            reg.getModel(name);
        }
        catch (e) {
            problem(`${reg.dir}/${name}/model.yaml`, e);
        }
        const versions = reg.listVersions(name);
        for (const v of versions) {
            out.versions++;
            const file = reg.versionFile(name, v);
            let rec;
            try {
                rec = reg.getVersion(name, v);
            }
            catch (e) {
                problem(file, e);
                continue;
            }
            try {
                await reg.readArtifact(rec);
                out.artifacts++;
            }
            catch (e) {
                problem(file, e);
            }
        }
        for (const stage of reg.listStageNames(name)) {
            let p;
            try {
                p = reg.getStage(name, stage);
            }
            catch (e) {
                problem(`${reg.dir}/${name}/stages/${stage}.yaml`, e);
                continue;
            }
            if (p && !(0,external_node_fs_.existsSync)(reg.versionFile(name, p.version)))
                problem(`${reg.dir}/${name}/stages/${stage}.yaml`, `stage ${stage} points at ${p.version}, which is not registered`);
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/registry/settings.ts
var settings = __webpack_require__(3710);
// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/registry.ts






const USAGE = [
    'Usage: modelci registry <list | show <model>[@X.Y.Z|#stage] | history [<model>] | verify>',
    '         [--registry <dir>] [--config <modelci.yaml>] [--json]',
].join('\n');
function registryDir(args) {
    const given = (0,command/* stringOpt */.rJ)(args, 'registry');
    if (given)
        return given;
    const configFile = (0,command/* stringOpt */.rJ)(args, 'config');
    return (0,settings/* registrySettings */.H)((0,load/* loadConfig */.Z9)(configFile, { explicit: Boolean(configFile) }).config.registry)
        .path;
}
const registryCommand = {
    name: 'registry',
    summary: 'Read the model registry: list, show, history, verify',
    usage: USAGE,
    allowPositionals: true,
    options: {
        registry: { type: 'string' },
        config: { type: 'string' },
        json: { type: 'boolean' },
    },
    async run(args, io) {
        const [sub, arg, ...extra] = args.positionals;
        const json = (0,command/* flagOpt */.ac)(args, 'json');
        // Returns nothing: the command's return value is its exit code.
        const out = (v) => {
            io.stdout(JSON.stringify(v, null, 2) + '\n');
        };
        if (extra.length)
            throw new errors/* ModelciError */.wN('USAGE', `unexpected argument "${extra[0]}"`);
        const dir = registryDir(args);
        switch (sub) {
            case 'list': {
                const r = runRegistryList(dir);
                if (json)
                    return out(r);
                if (!r.models.length)
                    io.stdout(`no models in ${dir}\n`);
                for (const m of r.models) {
                    const stages = Object.entries(m.stages)
                        .map(([s, v]) => `${s}=${v}`)
                        .join(' ');
                    io.stdout(`${m.name}\t${m.versions.length} versions\tlatest ${m.latest ?? '-'}\t${stages}\n`);
                }
                return;
            }
            case 'show': {
                if (!arg)
                    throw new errors/* ModelciError */.wN('USAGE', 'registry show needs a model, e.g. churn#production');
                const r = runRegistryShow(dir, arg);
                if (json)
                    return out(r);
                io.stdout((0,dist/* stringify */.As)({ ...r.version, stages: r.stages }, { lineWidth: 0 }));
                return;
            }
            case 'history': {
                const h = await runRegistryHistory(dir, arg, io.env);
                if (json)
                    return out(h);
                for (const e of h)
                    io.stdout(`${e.date}\t${e.commit.slice(0, 12)}\t${e.action}\t${e.model}${e.version ? ` ${e.version}` : ''}${e.stage ? ` -> ${e.stage}` : ''}\t${e.actor ?? e.author}${e.run ? `\t${e.run}` : ''}\n`);
                return;
            }
            case 'verify': {
                // Release-asset artifacts are downloaded to be verified: that needs a token.
                const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
                const repository = io.env.GITHUB_REPOSITORY;
                // Octokit loads only here: list and show should start as fast as node does.
                const { createGitHubClient } = await Promise.all(/* import() | github-client */[__webpack_require__.e(239), __webpack_require__.e(970)]).then(__webpack_require__.bind(__webpack_require__, 6584));
                const r = await runRegistryVerify(dir, token
                    ? {
                        github: {
                            client: createGitHubClient({
                                token,
                                ...(io.env.GITHUB_API_URL ? { baseUrl: io.env.GITHUB_API_URL } : {}),
                            }),
                            ...(repository ? { repository } : {}),
                        },
                    }
                    : {});
                if (json)
                    out(r);
                else {
                    for (const p of r.problems)
                        io.stdout(`${p.message.startsWith(p.file) ? '' : `${p.file}: `}${p.message}\n`);
                    io.stdout(`${r.problems.length ? 'FAILED' : 'OK'}: ${r.models} models, ${r.versions} versions, ${r.artifacts} artifacts verified, ${r.problems.length} problems\n`);
                }
                return r.problems.length ? 1 : 0;
            }
            default:
                throw new errors/* ModelciError */.wN('USAGE', sub ? `unknown registry command "${sub}"` : 'registry needs a subcommand', {
                    hint: 'Use list, show, history or verify',
                });
        }
    },
};


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


/***/ })

};
