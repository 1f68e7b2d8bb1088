export const id = 983;
export const ids = [983];
export const modules = {

/***/ 9915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  registerCommand: () => (/* binding */ registerCommand)
});

// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(9019);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
// EXTERNAL MODULE: ./src/core/registry/trailers.ts
var trailers = __webpack_require__(9067);
// EXTERNAL MODULE: ./src/core/registry/records.ts
var records = __webpack_require__(9313);
;// CONCATENATED MODULE: ./src/core/registry/versioning.ts



function shapeCompatible(a, b) {
    if (a.length !== b.length)
        return false;
    // A symbolic dimension (batch) matches anything; two fixed sizes must agree.
    return a.every((d, i) => typeof d !== 'number' || typeof b[i] !== 'number' || d === b[i]);
}
/**
 * How a caller of the old model is affected by the new signature: a removed or changed input or
 * output, or a new required input, breaks it; a new output does not.
 */
function compareSignatures(oldSig, newSig) {
    const changes = [];
    let breaking = false;
    const side = (kind, before, after) => {
        const now = new Map(after.map((t) => [t.name, t]));
        const was = new Map(before.map((t) => [t.name, t]));
        for (const t of before) {
            const n = now.get(t.name);
            if (!n) {
                changes.push(`${kind} "${t.name}" removed`);
                breaking = true;
            }
            else {
                if (n.type !== t.type) {
                    changes.push(`${kind} "${t.name}": type ${t.type} -> ${n.type}`);
                    breaking = true;
                }
                if (!shapeCompatible(t.shape, n.shape)) {
                    changes.push(`${kind} "${t.name}": shape [${t.shape.join(', ')}] -> [${n.shape.join(', ')}]`);
                    breaking = true;
                }
            }
        }
        for (const t of after)
            if (!was.has(t.name)) {
                changes.push(`${kind} "${t.name}" added`);
                if (kind === 'input')
                    breaking = true;
            }
    };
    side('input', oldSig.inputs, newSig.inputs);
    side('output', oldSig.outputs, newSig.outputs);
    return { breaking, changes };
}
/**
 * Decides the version number: explicit, or the latest bumped by rule (breaking signature change ->
 * major). An explicit existing version with the same content, or an automatic bump whose content
 * equals the latest version (a re-run), is a no-op; an existing version with other content is refused.
 */
function allocateVersion(input) {
    const sorted = (0,names/* sortVersions */.M7)(input.existing);
    const latest = sorted[sorted.length - 1];
    if (input.version) {
        const v = (0,names/* checkVersion */.ps)(input.version);
        if (input.existing.includes(v)) {
            const rec = input.existingRecord;
            if (rec && (0,records/* sameVersionContent */.cg)(rec, { ...input.candidate, version: v }))
                return { kind: 'existing', version: v, reason: 'already registered with the same content' };
            throw new errors/* ModelciError */.wN('REGISTRY', `version ${v} of "${input.candidate.model}" already exists with different content; versions are immutable`, { hint: 'Register a new version (omit --version to bump automatically)' });
        }
        return { kind: 'new', version: v, reason: 'given explicitly' };
    }
    if (input.latest &&
        (0,records/* sameVersionContent */.cg)(input.latest, { ...input.candidate, version: input.latest.version }))
        return {
            kind: 'existing',
            version: input.latest.version,
            reason: 'the latest version has the same content',
        };
    if (input.bump)
        return {
            kind: 'new',
            version: (0,names/* bumpVersion */.Bx)(latest, input.bump),
            bump: input.bump,
            reason: `${input.bump} bump requested`,
        };
    if (input.latest?.signature && input.candidate.signature) {
        const change = compareSignatures(input.latest.signature, input.candidate.signature);
        if (change.breaking)
            return {
                kind: 'new',
                version: (0,names/* bumpVersion */.Bx)(latest, 'major'),
                bump: 'major',
                reason: `breaking signature change: ${change.changes.join('; ')}`,
            };
    }
    return {
        kind: 'new',
        version: (0,names/* bumpVersion */.Bx)(latest, input.defaultBump),
        bump: input.defaultBump,
        reason: latest ? `${input.defaultBump} bump from ${latest}` : 'first version',
    };
}

// EXTERNAL MODULE: ./src/registry/checkout.ts
var registry_checkout = __webpack_require__(47);
// EXTERNAL MODULE: ./src/core/report/evaluation-report.ts
var evaluation_report = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/data/structured-file.ts
var structured_file = __webpack_require__(3528);
;// CONCATENATED MODULE: ./src/registry/evaluation-input.ts



/** Reads an evaluation report for register: only the parts the version record keeps are checked. */
function readEvaluationReport(file) {
    const data = (0,structured_file/* readStructuredFile */.Ut)(file, 64 * 1024 * 1024);
    if (!data || typeof data !== 'object')
        throw new errors/* ModelciError */.wN('INPUT', 'not an evaluation report (expected a JSON object)', { file });
    if (data.schema !== evaluation_report/* EVALUATION_REPORT_SCHEMA */.G)
        throw new errors/* ModelciError */.wN('INPUT', `not an evaluation report: schema is ${JSON.stringify(data.schema)}, expected "${evaluation_report/* EVALUATION_REPORT_SCHEMA */.G}"`, { file, path: 'schema', hint: 'Pass the report written by `modelci evaluate --json`' });
    if (!data.candidate?.model?.sha256)
        throw new errors/* ModelciError */.wN('INPUT', 'evaluation report has no candidate model fingerprint', {
            file,
            path: 'candidate.model.sha256',
        });
    return data;
}

// EXTERNAL MODULE: ./src/registry/layout.ts
var layout = __webpack_require__(7853);
// EXTERNAL MODULE: ./src/registry/record-file.ts + 1 modules
var record_file = __webpack_require__(4128);
// EXTERNAL MODULE: ./src/registry/registry.ts
var registry = __webpack_require__(7936);
// EXTERNAL MODULE: ./src/registry/settings.ts
var registry_settings = __webpack_require__(3710);
;// CONCATENATED MODULE: ./src/registry/signature.ts
/** The model's signature: read from the ONNX file itself, else taken from the evaluation report. */
async function signatureOf(file, report) {
    if (/\.onnx$/i.test(file)) {
        // protobufjs and the ONNX message types (~400 KB of bundle) load only for an ONNX artifact.
        const { readOnnxSignature } = await Promise.all(/* import() | onnx-signature */[__webpack_require__.e(853), __webpack_require__.e(243)]).then(__webpack_require__.bind(__webpack_require__, 9237));
        return readOnnxSignature(file);
    }
    return report?.candidate.signature;
}

// EXTERNAL MODULE: ./src/registry/transaction.ts
var transaction = __webpack_require__(1463);
// EXTERNAL MODULE: ./src/store/artifact-store.ts
var artifact_store = __webpack_require__(4523);
// EXTERNAL MODULE: ./src/store/index.ts + 3 modules
var src_store = __webpack_require__(4234);
// EXTERNAL MODULE: ./src/registry/run-context.ts
var run_context = __webpack_require__(7836);
// EXTERNAL MODULE: ./src/deploy/smoke.ts + 1 modules
var deploy_smoke = __webpack_require__(8796);
// EXTERNAL MODULE: ./src/commands/profile.ts + 4 modules
var commands_profile = __webpack_require__(8919);
;// CONCATENATED MODULE: ./src/commands/register.ts





















function formatOf(file) {
    const ext = (0,external_node_path_.extname)(file).slice(1).toLowerCase();
    return ext || 'binary';
}
/** Registers a model artifact as a new immutable version: one commit, optionally pushed. */
async function runRegister(opts) {
    const env = opts.env ?? process.env;
    const now = opts.now ?? (() => new Date());
    const settings = (0,registry_settings/* registrySettings */.H)(opts.config);
    const model = (0,names/* checkName */.I3)(opts.model);
    if (opts.version && opts.bump)
        throw new errors/* ModelciError */.wN('USAGE', 'give either a version or a bump, not both');
    const fp = await (0,artifact_store/* fingerprintFile */.Ro)(opts.artifact);
    const report = opts.report ? readEvaluationReport(opts.report) : undefined;
    if (report)
        checkReport(report, opts.report, model, fp.sha256);
    const signature = await signatureOf(opts.artifact, report);
    // Profiled once, before the transaction: its plan may run again after a lost push race.
    const profile = opts.profileData
        ? await referenceProfile(opts.profileData, opts.sketchSize)
        : undefined;
    if (profile)
        opts.log?.(`profiled ${opts.profileData} (${profile.rows} rows) as the drift reference`);
    // Checked before anything is written: a broken samples file must not land in the registry.
    const smoke = opts.smokeSamples ? (0,deploy_smoke/* readSmokeSamplesFile */.NZ)(opts.smokeSamples).text : undefined;
    const checkout = await (0,registry_checkout/* openCheckout */.H)(opts.registry ?? settings.path, {
        ...(opts.cwd ? { cwd: opts.cwd } : {}),
        ...(settings.branch ? { branch: settings.branch } : {}),
        env,
    });
    const ctx = (0,run_context/* runContext */.p)(env, { ...opts.context }, await checkout.git.head(), checkout.branch);
    const store = (0,src_store/* storeForWrite */.G)({
        registryDir: checkout.dir,
        config: settings.store,
        cacheDir: checkout.dir,
        ...(opts.github ? { github: opts.github } : {}),
    });
    const remote = opts.remote ?? 'origin';
    let file = '';
    let artifactRef;
    const tx = await (0,transaction/* commitRegistryChange */.P)({
        git: checkout.git,
        paths: [checkout.relDir],
        push: opts.push ?? false,
        remote,
        branch: checkout.branch,
        retry: (0,transaction/* retryPolicy */.J)(settings.pushAttempts, env),
        ...(checkout.identity ? { identity: checkout.identity } : {}),
        ...(opts.log ? { log: opts.log } : {}),
        plan: async () => {
            const reg = (0,registry/* openRegistry */.Me)(checkout.dir);
            const existing = reg.listVersions(model);
            const latestV = existing[existing.length - 1];
            const latest = latestV ? reg.getVersion(model, latestV) : undefined;
            const uri = await store.put(opts.artifact, {
                model,
                version: opts.version ?? 'next',
                fileName: (0,external_node_path_.basename)(opts.artifact).replace(/[^\w.-]/g, '_'),
                sha256: fp.sha256,
                bytes: fp.bytes,
            });
            artifactRef = { uri, sha256: fp.sha256, bytes: fp.bytes, format: formatOf(opts.artifact) };
            const candidate = buildRecord(model, artifactRef, signature, report, opts.params, ctx, latestV, now());
            const explicit = opts.version ? reg.hasVersion(model, opts.version) : false;
            const alloc = allocateVersion({
                existing,
                ...(latest ? { latest } : {}),
                candidate,
                ...(opts.version ? { version: opts.version } : {}),
                ...(opts.bump ? { bump: opts.bump } : {}),
                defaultBump: settings.bump,
                ...(explicit ? { existingRecord: reg.getVersion(model, opts.version) } : {}),
            });
            file = reg.versionFile(model, alloc.version);
            const result = { version: alloc.version, reason: alloc.reason };
            if (alloc.kind === 'existing')
                return { noop: result };
            const modelFile = layout/* layout */.Z.modelFile(checkout.dir, model);
            const files = [file];
            const { lineage, created_at, created_by, ...head } = candidate;
            const record = {
                ...head,
                version: alloc.version,
                ...(profile
                    ? {
                        reference_profile: {
                            path: `profiles/${alloc.version}.json`,
                            sha256: profile.sha256,
                            bytes: Buffer.byteLength(profile.text),
                            data: opts.profileData,
                            rows: profile.rows,
                        },
                    }
                    : {}),
                lineage,
                created_at,
                created_by,
            };
            if (profile) {
                const profilePath = layout/* layout */.Z.profileFile(checkout.dir, model, alloc.version);
                write(profilePath, profile.text);
                files.push(profilePath);
            }
            if (smoke) {
                const smokePath = layout/* layout */.Z.smokeFile(checkout.dir, model, alloc.version);
                write(smokePath, smoke);
                files.push(smokePath);
            }
            if (!(0,external_node_fs_.existsSync)(modelFile)) {
                write(modelFile, (0,record_file/* recordToYaml */.Kz)(modelRecord(model, opts.modelConfig, now())));
                files.push(modelFile);
            }
            if (uri.startsWith('git:'))
                files.push((0,external_node_path_.join)(checkout.dir, uri.slice('git:'.length)));
            write(file, (0,record_file/* recordToYaml */.Kz)(record));
            return {
                message: (0,trailers/* commitMessage */.df)(`Register ${model} ${alloc.version}`, alloc.reason, {
                    model,
                    version: alloc.version,
                    action: 'register',
                    actor: ctx.actor,
                    ...(ctx.runUrl ? { run: ctx.runUrl } : {}),
                }),
                tags: settings.tags
                    ? [
                        {
                            name: (0,gto_tags/* versionTag */.Vm)(model, alloc.version),
                            message: `Registering ${model} version ${alloc.version}`,
                        },
                    ]
                    : [],
                result,
                files,
            };
        },
    });
    return {
        model,
        version: tx.result.version,
        status: tx.commit ? 'registered' : 'unchanged',
        reason: tx.result.reason,
        file,
        ...(tx.commit ? { commit: tx.commit } : {}),
        pushed: tx.pushed,
        attempts: tx.attempts,
        tags: tx.tags,
        artifact: artifactRef,
    };
}
/**
 * The data profiled as the version's drift reference: the flag/input when given (`none` turns it
 * off), else the model's training data when the file is there.
 */
function profileDataFor(given, model, log) {
    if (given === 'none' || given === 'false')
        return undefined;
    if (given)
        return given;
    const train = model?.data?.train;
    if (train && (0,external_node_fs_.existsSync)(train))
        return train;
    // Configured but absent (data not checked out?): not an error, but drift will need a reference.
    // Without data.train there is nothing to say: registering bare artifacts is a normal use.
    if (train)
        log?.(`no drift reference stored: data.train (${train}) is not here; pass profile-data to store one`);
    return undefined;
}
async function referenceProfile(data, sketchSize) {
    const profile = (0,commands_profile/* isProfilePath */.zz)(data)
        ? (0,commands_profile/* readProfile */.er)(data)
        : (await (0,commands_profile/* profileFile */.aC)(data, sketchSize !== undefined ? { sketchSize } : {})).profile;
    const text = JSON.stringify(profile.toJSON()) + '\n';
    return { text, sha256: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex'), rows: profile.rows };
}
function write(file, text) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    (0,external_node_fs_.writeFileSync)(file, text);
}
function checkReport(report, file, model, sha256) {
    if (report.model_name && report.model_name !== model)
        throw new errors/* ModelciError */.wN('INPUT', `the evaluation report is for model "${report.model_name}", not "${model}"`, {
            file,
            path: 'model_name',
        });
    if (report.candidate.model.sha256 !== sha256)
        throw new errors/* ModelciError */.wN('INPUT', 'the evaluation report was computed on a different artifact (sha256 differs)', {
            file,
            path: 'candidate.model.sha256',
            hint: 'Register the file that was evaluated, or evaluate this file again',
        });
}
function buildRecord(model, artifact, signature, report, params, ctx, parent, at) {
    const p = params ?? report?.candidate.params;
    const training = report?.dataset.training_data;
    return {
        schema: 'modelci/version@1',
        model,
        artifact,
        ...(signature ? { signature } : {}),
        ...(report ? { metrics: report.metrics } : {}),
        ...(report
            ? {
                evaluation_data: {
                    path: report.dataset.path,
                    sha256: report.dataset.sha256,
                    bytes: report.dataset.bytes,
                    ...(report.dataset.rows !== undefined ? { rows: report.dataset.rows } : {}),
                },
            }
            : {}),
        ...(report?.gates ? { gates: report.gates } : {}),
        ...(p ? { params: p } : {}),
        ...(training ? { training_data: training } : {}),
        lineage: {
            ...(ctx.commit ? { commit: ctx.commit } : {}),
            ...(ctx.ref ? { ref: ctx.ref } : {}),
            ...(ctx.runUrl ? { run_url: ctx.runUrl } : {}),
            ...(ctx.pullRequest ? { pull_request: ctx.pullRequest } : {}),
            ...(parent ? { parent_version: parent } : {}),
        },
        created_at: at.toISOString(),
        created_by: ctx.actor,
    };
}
function modelRecord(name, cfg, at) {
    return {
        schema: 'modelci/model@1',
        name,
        ...(cfg?.task ? { task: cfg.task } : {}),
        ...(cfg?.primary_metric ? { primary_metric: cfg.primary_metric } : {}),
        ...(cfg?.owners ? { owners: cfg.owners } : {}),
        ...(cfg?.description ? { description: cfg.description } : {}),
        created_at: at.toISOString(),
    };
}

// EXTERNAL MODULE: ./src/cli/command.ts
var command = __webpack_require__(3567);
;// CONCATENATED MODULE: ./src/cli/register.ts




const registerCommand = {
    name: 'register',
    summary: 'Register a model artifact as a new immutable version in the git registry',
    usage: [
        'Usage: modelci register --model <name> --artifact <file> [--registry <dir>]',
        '         [--version X.Y.Z | --bump major|minor|patch] [--report <evaluation.json>] [--push]',
        '',
        '         [--profile-data <data|profile.json|none>]',
        '',
        'Prints the version it registered. --push pushes to origin, retrying when others push first.',
        '--profile-data: stored as the drift reference registry/<model>/profiles/<X.Y.Z>.json',
        "  (default: the model's data.train when the file exists; none: no profile).",
        'Options: --config <modelci.yaml>  --remote <name>  --json',
    ].join('\n'),
    options: {
        registry: { type: 'string' },
        model: { type: 'string' },
        artifact: { type: 'string' },
        version: { type: 'string' },
        bump: { type: 'string' },
        report: { type: 'string' },
        'profile-data': { type: 'string' },
        'smoke-samples': { type: 'string' },
        push: { type: 'boolean' },
        remote: { type: 'string' },
        config: { type: 'string' },
        json: { type: 'boolean' },
    },
    async run(args, io) {
        const model = (0,command/* stringOpt */.rJ)(args, 'model');
        const artifact = (0,command/* stringOpt */.rJ)(args, 'artifact');
        if (!model || !artifact)
            throw new errors/* ModelciError */.wN('USAGE', '--model and --artifact are required');
        const bump = (0,command/* stringOpt */.rJ)(args, 'bump');
        if (bump && !['major', 'minor', 'patch'].includes(bump))
            throw new errors/* ModelciError */.wN('USAGE', `--bump must be major, minor or patch (got "${bump}")`);
        const configFile = (0,command/* stringOpt */.rJ)(args, 'config');
        const loaded = (0,load/* loadConfig */.Z9)(configFile, { explicit: Boolean(configFile) });
        const registry = (0,command/* stringOpt */.rJ)(args, 'registry');
        const version = (0,command/* stringOpt */.rJ)(args, 'version');
        const report = (0,command/* stringOpt */.rJ)(args, 'report');
        const remote = (0,command/* stringOpt */.rJ)(args, 'remote');
        const modelConfig = loaded.config.models[model];
        const profileData = profileDataFor((0,command/* stringOpt */.rJ)(args, 'profile-data'), modelConfig, (m) => io.stderr(`${m}\n`));
        const sketchSize = modelConfig?.drift?.sketch_size ?? loaded.config.drift?.sketch_size;
        const result = await runRegister({
            model,
            artifact,
            ...(registry ? { registry } : {}),
            ...(version ? { version } : {}),
            ...(bump ? { bump: bump } : {}),
            ...(report ? { report } : {}),
            ...(profileData ? { profileData } : {}),
            ...((0,command/* stringOpt */.rJ)(args, 'smoke-samples')
                ? { smokeSamples: (0,command/* stringOpt */.rJ)(args, 'smoke-samples') }
                : {}),
            ...(sketchSize !== undefined ? { sketchSize } : {}),
            ...(remote ? { remote } : {}),
            ...(loaded.config.registry ? { config: loaded.config.registry } : {}),
            ...(modelConfig ? { modelConfig } : {}),
            push: (0,command/* flagOpt */.ac)(args, 'push'),
            env: io.env,
            log: (m) => io.stderr(`${m}\n`),
        });
        if ((0,command/* flagOpt */.ac)(args, 'json'))
            io.stdout(JSON.stringify(result, null, 2) + '\n');
        else {
            io.stdout(`${result.version}\n`);
            io.stderr(result.status === 'unchanged'
                ? `${model} ${result.version}: already registered (${result.reason}); nothing written\n`
                : `registered ${model} ${result.version} (${result.reason})${result.pushed ? `, pushed after ${result.attempts} attempt(s)` : ''}\n`);
        }
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

/***/ 9033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ EVALUATION_REPORT_SCHEMA)
/* harmony export */ });
/**
 * The evaluation report (`modelci evaluate --json`, the evaluate action's `report` file): what the
 * comment renders, what register records, what gates read. Versioned: readers check `schema`.
 * Draft contract shared by the evaluate, comment and registry work; extend, do not rename.
 */
const EVALUATION_REPORT_SCHEMA = 'modelci/evaluation-report@1';


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
