export const id = 936;
export const ids = [936];
export const modules = {

/***/ 1979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ bumpVersion),
/* harmony export */   I3: () => (/* binding */ checkName),
/* harmony export */   M7: () => (/* binding */ sortVersions),
/* harmony export */   ps: () => (/* binding */ checkVersion),
/* harmony export */   uV: () => (/* binding */ isValidName)
/* harmony export */ });
/* unused harmony exports NAME_RE, parseSemver, formatSemver, compareSemver, compareVersions */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** Model and stage names become folder and file names: this pattern keeps them inside the registry. */
const NAME_RE = /^[a-z0-9][a-z0-9._-]*$/;
const SEMVER_RE = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
function isValidName(name) {
    return NAME_RE.test(name) && name.length <= 100 && !name.includes('..');
}
function checkName(name, what = 'model') {
    if (!isValidName(name))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('INPUT', `invalid ${what} name "${name.slice(0, 80)}"`, {
            hint: 'Use lowercase letters, digits, ".", "_" and "-", starting with a letter or digit (no "..")',
        });
    return name;
}
/** `1.2.3` (a leading `v` is accepted and dropped); undefined when it is not plain semver. */
function parseSemver(text) {
    const m = SEMVER_RE.exec(text.startsWith('v') ? text.slice(1) : text);
    if (!m)
        return undefined;
    return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}
function checkVersion(text) {
    const v = parseSemver(text);
    if (!v)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelciError */ .wN('INPUT', `invalid version "${text.slice(0, 80)}"`, {
            hint: 'Use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.4.0',
        });
    return formatSemver(v);
}
function formatSemver(v) {
    return `${v.major}.${v.minor}.${v.patch}`;
}
function compareSemver(a, b) {
    return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
function compareVersions(a, b) {
    const pa = parseSemver(a);
    const pb = parseSemver(b);
    if (!pa || !pb)
        return a < b ? -1 : a > b ? 1 : 0;
    return compareSemver(pa, pb);
}
/** Versions sorted oldest first; anything that is not semver is left out. */
function sortVersions(versions) {
    return [...versions].filter((v) => parseSemver(v)).sort(compareVersions);
}
function bumpVersion(from, bump) {
    const v = (from && parseSemver(from)) || { major: 0, minor: 0, patch: 0 };
    if (bump === 'major')
        return formatSemver({ major: v.major + 1, minor: 0, patch: 0 });
    if (bump === 'minor')
        return formatSemver({ major: v.major, minor: v.minor + 1, patch: 0 });
    return formatSemver({ major: v.major, minor: v.minor, patch: v.patch + 1 });
}


/***/ }),

/***/ 9313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ canonical),
/* harmony export */   cg: () => (/* binding */ sameVersionContent)
/* harmony export */ });
/* unused harmony exports MODEL_SCHEMA, VERSION_SCHEMA, STAGE_SCHEMA, modelRecordSchema, versionRecordSchema, stagePointerSchema, versionContent */
/** The three kinds of registry file, each versioned by its `schema` key. */
const MODEL_SCHEMA = 'modelci/model@1';
const VERSION_SCHEMA = 'modelci/version@1';
const STAGE_SCHEMA = 'modelci/stage@1';
const NAME = '^[a-z0-9][a-z0-9._-]*$';
const SEMVER = '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$';
const SHA256 = '^[0-9a-f]{64}$';
const TIME = { type: 'string', minLength: 1 };
const fingerprintSchema = {
    type: 'object',
    required: ['sha256'],
    properties: {
        path: { type: 'string' },
        sha256: { type: 'string', pattern: SHA256 },
        bytes: { type: 'integer', minimum: 0 },
        rows: { type: 'integer', minimum: 0 },
    },
};
const tensorSchema = {
    type: 'object',
    required: ['name', 'type', 'shape'],
    properties: {
        name: { type: 'string' },
        type: { type: 'string' },
        shape: { type: 'array', items: { type: ['integer', 'string', 'null'] } },
    },
};
const modelRecordSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['schema', 'name', 'created_at'],
    properties: {
        schema: { const: MODEL_SCHEMA },
        name: { type: 'string', pattern: NAME },
        task: { enum: ['binary', 'multiclass', 'regression'] },
        primary_metric: { type: 'string' },
        direction: { enum: ['higher', 'lower'] },
        owners: { type: 'array', items: { type: 'string' } },
        description: { type: 'string' },
        created_at: TIME,
    },
};
const versionRecordSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['schema', 'model', 'version', 'artifact', 'lineage', 'created_at', 'created_by'],
    properties: {
        schema: { const: VERSION_SCHEMA },
        model: { type: 'string', pattern: NAME },
        version: { type: 'string', pattern: SEMVER },
        artifact: {
            type: 'object',
            additionalProperties: false,
            required: ['uri', 'sha256', 'bytes', 'format'],
            properties: {
                uri: { type: 'string', minLength: 1 },
                sha256: { type: 'string', pattern: SHA256 },
                bytes: { type: 'integer', minimum: 0 },
                format: { type: 'string', minLength: 1 },
            },
        },
        signature: {
            type: 'object',
            required: ['inputs', 'outputs'],
            properties: {
                inputs: { type: 'array', items: tensorSchema },
                outputs: { type: 'array', items: tensorSchema },
            },
        },
        metrics: {
            type: 'object',
            additionalProperties: {
                type: 'object',
                required: ['value'],
                properties: {
                    value: { type: 'number' },
                    ci: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
                },
            },
        },
        evaluation_data: fingerprintSchema,
        gates: {
            type: 'object',
            required: ['passed', 'results'],
            properties: {
                passed: { type: 'boolean' },
                results: {
                    type: 'array',
                    items: {
                        type: 'object',
                        required: ['gate', 'passed', 'reason'],
                        properties: {
                            gate: { type: 'string' },
                            passed: { type: 'boolean' },
                            reason: { type: 'string' },
                        },
                    },
                },
            },
        },
        params: { type: 'object' },
        training_data: fingerprintSchema,
        reference_profile: {
            type: 'object',
            required: ['path', 'sha256', 'bytes', 'data', 'rows'],
            additionalProperties: false,
            properties: {
                path: { type: 'string', pattern: '^profiles/[^/]+\\.json$' },
                sha256: { type: 'string', pattern: SHA256 },
                bytes: { type: 'integer', minimum: 0 },
                data: { type: 'string' },
                rows: { type: 'integer', minimum: 0 },
            },
        },
        lineage: {
            type: 'object',
            additionalProperties: false,
            properties: {
                commit: { type: 'string', pattern: '^[0-9a-f]{7,64}$' },
                ref: { type: 'string' },
                run_url: { type: 'string' },
                pull_request: { type: 'integer', minimum: 1 },
                parent_version: { type: 'string', pattern: SEMVER },
            },
        },
        created_at: TIME,
        created_by: { type: 'string', minLength: 1 },
        deprecated: {
            type: 'object',
            additionalProperties: false,
            required: ['at', 'by'],
            properties: { at: TIME, by: { type: 'string' }, reason: { type: 'string' } },
        },
    },
};
const stagePointerSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['schema', 'model', 'stage', 'version', 'promoted_at', 'promoted_by'],
    properties: {
        schema: { const: STAGE_SCHEMA },
        model: { type: 'string', pattern: NAME },
        stage: { type: 'string', pattern: NAME },
        version: { type: 'string', pattern: SEMVER },
        previous: { type: 'string', pattern: SEMVER },
        promoted_at: TIME,
        promoted_by: { type: 'string', minLength: 1 },
        reason: { type: 'string' },
        run_url: { type: 'string' },
        rollback: { type: 'boolean' },
    },
};
/**
 * What decides "same content" for immutability: the artifact, signature, metrics, gates, params and
 * data; not when, by whom or from which commit or run it was registered (a re-run differs there).
 */
function versionContent(r) {
    const { created_at: _a, created_by: _b, deprecated: _d, lineage: _l, version: _v, ...rest } = r;
    return canonical(rest);
}
/** Plain data with object keys sorted, so two equal records compare equal as JSON. */
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value && typeof value === 'object') {
        const out = {};
        for (const k of Object.keys(value).sort()) {
            const v = value[k];
            if (v !== undefined)
                out[k] = canonical(v);
        }
        return out;
    }
    return value;
}
function sameVersionContent(a, b) {
    return JSON.stringify(versionContent(a)) === JSON.stringify(versionContent(b));
}


/***/ }),

/***/ 7853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ layout)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1979);


/**
 * Where each registry file lives. Every name and version goes through the validators first, so no
 * path built here leaves the registry folder.
 */
const layout = {
    modelDir: (root, model) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model)),
    modelFile: (root, model) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'model.yaml'),
    versionsDir: (root, model) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'versions'),
    versionFile: (root, model, version) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'versions', `${(0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkVersion */ .ps)(version)}.yaml`),
    stagesDir: (root, model) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'stages'),
    stageFile: (root, model, stage) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'stages', `${(0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(stage, 'stage')}.yaml`),
    profilesDir: (root, model) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'profiles'),
    profileFile: (root, model, version) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'profiles', `${(0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkVersion */ .ps)(version)}.json`),
    /** Deploy smoke samples recorded at evaluation (modelci/smoke-samples@1). */
    smokeFile: (root, model, version) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(root, (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkName */ .I3)(model), 'smoke', `${(0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_1__/* .checkVersion */ .ps)(version)}.jsonl`),
};


/***/ }),

/***/ 4128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aE: () => (/* binding */ readRecord),
  Kz: () => (/* binding */ recordToYaml)
});

// UNUSED EXPORTS: validateRecord

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/keypath.ts
var keypath = __webpack_require__(3759);
// EXTERNAL MODULE: ./src/core/registry/records.ts
var records = __webpack_require__(9313);
// EXTERNAL MODULE: ./src/data/structured-file.ts
var structured_file = __webpack_require__(3528);
;// CONCATENATED MODULE: ./src/registry/generated/record-validators.js
// Generated by scripts/validators.ts from src/core/registry/records.ts: do not edit.
// UPDATE_SCHEMA=1 npx vitest run test/unit/config/schema-file.test.ts rewrites it.
/* eslint-disable */
const ajvRuntime_ucs2length = function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
};
"use strict";
const model = validate10;
const schema11 = {"type":"object","additionalProperties":false,"required":["schema","name","created_at"],"properties":{"schema":{"const":"modelci/model@1"},"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$"},"task":{"enum":["binary","multiclass","regression"]},"primary_metric":{"type":"string"},"direction":{"enum":["higher","lower"]},"owners":{"type":"array","items":{"type":"string"}},"description":{"type":"string"},"created_at":{"type":"string","minLength":1}}};
const pattern0 = new RegExp("^[a-z0-9][a-z0-9._-]*$", "u");
const func2 = ajvRuntime_ucs2length;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.schema === undefined) && (missing0 = "schema")) || ((data.name === undefined) && (missing0 = "name"))) || ((data.created_at === undefined) && (missing0 = "created_at"))){
validate10.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "schema") || (key0 === "name")) || (key0 === "task")) || (key0 === "primary_metric")) || (key0 === "direction")) || (key0 === "owners")) || (key0 === "description")) || (key0 === "created_at"))){
validate10.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.schema !== undefined){
const _errs2 = errors;
if("modelci/model@1" !== data.schema){
validate10.errors = [{instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/const",keyword:"const",params:{allowedValue: "modelci/model@1"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.name !== undefined){
let data1 = data.name;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate10.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]*$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.task !== undefined){
let data2 = data.task;
const _errs5 = errors;
if(!(((data2 === "binary") || (data2 === "multiclass")) || (data2 === "regression"))){
validate10.errors = [{instancePath:instancePath+"/task",schemaPath:"#/properties/task/enum",keyword:"enum",params:{allowedValues: schema11.properties.task.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.primary_metric !== undefined){
const _errs6 = errors;
if(typeof data.primary_metric !== "string"){
validate10.errors = [{instancePath:instancePath+"/primary_metric",schemaPath:"#/properties/primary_metric/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.direction !== undefined){
let data4 = data.direction;
const _errs8 = errors;
if(!((data4 === "higher") || (data4 === "lower"))){
validate10.errors = [{instancePath:instancePath+"/direction",schemaPath:"#/properties/direction/enum",keyword:"enum",params:{allowedValues: schema11.properties.direction.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.owners !== undefined){
let data5 = data.owners;
const _errs9 = errors;
if(errors === _errs9){
if(Array.isArray(data5)){
var valid1 = true;
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
const _errs11 = errors;
if(typeof data5[i0] !== "string"){
validate10.errors = [{instancePath:instancePath+"/owners/" + i0,schemaPath:"#/properties/owners/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs11 === errors;
if(!valid1){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/owners",schemaPath:"#/properties/owners/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.description !== undefined){
const _errs13 = errors;
if(typeof data.description !== "string"){
validate10.errors = [{instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data8 = data.created_at;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data8 === "string"){
if(func2(data8) < 1){
validate10.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}

const version = validate11;
const schema12 = {"type":"object","additionalProperties":false,"required":["schema","model","version","artifact","lineage","created_at","created_by"],"properties":{"schema":{"const":"modelci/version@1"},"model":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$"},"version":{"type":"string","pattern":"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"},"artifact":{"type":"object","additionalProperties":false,"required":["uri","sha256","bytes","format"],"properties":{"uri":{"type":"string","minLength":1},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":0},"format":{"type":"string","minLength":1}}},"signature":{"type":"object","required":["inputs","outputs"],"properties":{"inputs":{"type":"array","items":{"type":"object","required":["name","type","shape"],"properties":{"name":{"type":"string"},"type":{"type":"string"},"shape":{"type":"array","items":{"type":["integer","string","null"]}}}}},"outputs":{"type":"array","items":{"type":"object","required":["name","type","shape"],"properties":{"name":{"type":"string"},"type":{"type":"string"},"shape":{"type":"array","items":{"type":["integer","string","null"]}}}}}}},"metrics":{"type":"object","additionalProperties":{"type":"object","required":["value"],"properties":{"value":{"type":"number"},"ci":{"type":"array","items":{"type":"number"},"minItems":2,"maxItems":2}}}},"evaluation_data":{"type":"object","required":["sha256"],"properties":{"path":{"type":"string"},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":0},"rows":{"type":"integer","minimum":0}}},"gates":{"type":"object","required":["passed","results"],"properties":{"passed":{"type":"boolean"},"results":{"type":"array","items":{"type":"object","required":["gate","passed","reason"],"properties":{"gate":{"type":"string"},"passed":{"type":"boolean"},"reason":{"type":"string"}}}}}},"params":{"type":"object"},"training_data":{"type":"object","required":["sha256"],"properties":{"path":{"type":"string"},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":0},"rows":{"type":"integer","minimum":0}}},"reference_profile":{"type":"object","required":["path","sha256","bytes","data","rows"],"additionalProperties":false,"properties":{"path":{"type":"string","pattern":"^profiles/[^/]+\\.json$"},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"bytes":{"type":"integer","minimum":0},"data":{"type":"string"},"rows":{"type":"integer","minimum":0}}},"lineage":{"type":"object","additionalProperties":false,"properties":{"commit":{"type":"string","pattern":"^[0-9a-f]{7,64}$"},"ref":{"type":"string"},"run_url":{"type":"string"},"pull_request":{"type":"integer","minimum":1},"parent_version":{"type":"string","pattern":"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"}}},"created_at":{"type":"string","minLength":1},"created_by":{"type":"string","minLength":1},"deprecated":{"type":"object","additionalProperties":false,"required":["at","by"],"properties":{"at":{"type":"string","minLength":1},"by":{"type":"string"},"reason":{"type":"string"}}}}};
const func3 = Object.prototype.hasOwnProperty;
const pattern2 = new RegExp("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$", "u");
const pattern3 = new RegExp("^[0-9a-f]{64}$", "u");
const pattern6 = new RegExp("^profiles/[^/]+\\.json$", "u");
const pattern8 = new RegExp("^[0-9a-f]{7,64}$", "u");

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((data.schema === undefined) && (missing0 = "schema")) || ((data.model === undefined) && (missing0 = "model"))) || ((data.version === undefined) && (missing0 = "version"))) || ((data.artifact === undefined) && (missing0 = "artifact"))) || ((data.lineage === undefined) && (missing0 = "lineage"))) || ((data.created_at === undefined) && (missing0 = "created_at"))) || ((data.created_by === undefined) && (missing0 = "created_by"))){
validate11.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func3.call(schema12.properties, key0))){
validate11.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.schema !== undefined){
const _errs2 = errors;
if("modelci/version@1" !== data.schema){
validate11.errors = [{instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/const",keyword:"const",params:{allowedValue: "modelci/version@1"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
let data1 = data.model;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate11.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]*$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.version !== undefined){
let data2 = data.version;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data2 === "string"){
if(!pattern2.test(data2)){
validate11.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/pattern",keyword:"pattern",params:{pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"},message:"must match pattern \""+"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.artifact !== undefined){
let data3 = data.artifact;
const _errs7 = errors;
if(errors === _errs7){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((((data3.uri === undefined) && (missing1 = "uri")) || ((data3.sha256 === undefined) && (missing1 = "sha256"))) || ((data3.bytes === undefined) && (missing1 = "bytes"))) || ((data3.format === undefined) && (missing1 = "format"))){
validate11.errors = [{instancePath:instancePath+"/artifact",schemaPath:"#/properties/artifact/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs9 = errors;
for(const key1 in data3){
if(!((((key1 === "uri") || (key1 === "sha256")) || (key1 === "bytes")) || (key1 === "format"))){
validate11.errors = [{instancePath:instancePath+"/artifact",schemaPath:"#/properties/artifact/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs9 === errors){
if(data3.uri !== undefined){
let data4 = data3.uri;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data4 === "string"){
if(func2(data4) < 1){
validate11.errors = [{instancePath:instancePath+"/artifact/uri",schemaPath:"#/properties/artifact/properties/uri/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/artifact/uri",schemaPath:"#/properties/artifact/properties/uri/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs10 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.sha256 !== undefined){
let data5 = data3.sha256;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data5 === "string"){
if(!pattern3.test(data5)){
validate11.errors = [{instancePath:instancePath+"/artifact/sha256",schemaPath:"#/properties/artifact/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/artifact/sha256",schemaPath:"#/properties/artifact/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs12 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.bytes !== undefined){
let data6 = data3.bytes;
const _errs14 = errors;
if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){
validate11.errors = [{instancePath:instancePath+"/artifact/bytes",schemaPath:"#/properties/artifact/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs14){
if(typeof data6 == "number"){
if(data6 < 0 || isNaN(data6)){
validate11.errors = [{instancePath:instancePath+"/artifact/bytes",schemaPath:"#/properties/artifact/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid1 = _errs14 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data3.format !== undefined){
let data7 = data3.format;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data7 === "string"){
if(func2(data7) < 1){
validate11.errors = [{instancePath:instancePath+"/artifact/format",schemaPath:"#/properties/artifact/properties/format/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/artifact/format",schemaPath:"#/properties/artifact/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs16 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/artifact",schemaPath:"#/properties/artifact/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.signature !== undefined){
let data8 = data.signature;
const _errs18 = errors;
if(errors === _errs18){
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
let missing2;
if(((data8.inputs === undefined) && (missing2 = "inputs")) || ((data8.outputs === undefined) && (missing2 = "outputs"))){
validate11.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/properties/signature/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
if(data8.inputs !== undefined){
let data9 = data8.inputs;
const _errs20 = errors;
if(errors === _errs20){
if(Array.isArray(data9)){
var valid3 = true;
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
const _errs22 = errors;
if(errors === _errs22){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
let missing3;
if((((data10.name === undefined) && (missing3 = "name")) || ((data10.type === undefined) && (missing3 = "type"))) || ((data10.shape === undefined) && (missing3 = "shape"))){
validate11.errors = [{instancePath:instancePath+"/signature/inputs/" + i0,schemaPath:"#/properties/signature/properties/inputs/items/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
if(data10.name !== undefined){
const _errs24 = errors;
if(typeof data10.name !== "string"){
validate11.errors = [{instancePath:instancePath+"/signature/inputs/" + i0+"/name",schemaPath:"#/properties/signature/properties/inputs/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs24 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data10.type !== undefined){
const _errs26 = errors;
if(typeof data10.type !== "string"){
validate11.errors = [{instancePath:instancePath+"/signature/inputs/" + i0+"/type",schemaPath:"#/properties/signature/properties/inputs/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid4 = _errs26 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data10.shape !== undefined){
let data13 = data10.shape;
const _errs28 = errors;
if(errors === _errs28){
if(Array.isArray(data13)){
var valid5 = true;
const len1 = data13.length;
for(let i1=0; i1<len1; i1++){
let data14 = data13[i1];
const _errs30 = errors;
if(((!((typeof data14 == "number") && (!(data14 % 1) && !isNaN(data14)))) && (typeof data14 !== "string")) && (data14 !== null)){
validate11.errors = [{instancePath:instancePath+"/signature/inputs/" + i0+"/shape/" + i1,schemaPath:"#/properties/signature/properties/inputs/items/properties/shape/items/type",keyword:"type",params:{type: schema12.properties.signature.properties.inputs.items.properties.shape.items.type},message:"must be integer,string,null"}];
return false;
}
var valid5 = _errs30 === errors;
if(!valid5){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/signature/inputs/" + i0+"/shape",schemaPath:"#/properties/signature/properties/inputs/items/properties/shape/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid4 = _errs28 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/signature/inputs/" + i0,schemaPath:"#/properties/signature/properties/inputs/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid3 = _errs22 === errors;
if(!valid3){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/signature/inputs",schemaPath:"#/properties/signature/properties/inputs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs20 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data8.outputs !== undefined){
let data15 = data8.outputs;
const _errs32 = errors;
if(errors === _errs32){
if(Array.isArray(data15)){
var valid6 = true;
const len2 = data15.length;
for(let i2=0; i2<len2; i2++){
let data16 = data15[i2];
const _errs34 = errors;
if(errors === _errs34){
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
let missing4;
if((((data16.name === undefined) && (missing4 = "name")) || ((data16.type === undefined) && (missing4 = "type"))) || ((data16.shape === undefined) && (missing4 = "shape"))){
validate11.errors = [{instancePath:instancePath+"/signature/outputs/" + i2,schemaPath:"#/properties/signature/properties/outputs/items/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
if(data16.name !== undefined){
const _errs36 = errors;
if(typeof data16.name !== "string"){
validate11.errors = [{instancePath:instancePath+"/signature/outputs/" + i2+"/name",schemaPath:"#/properties/signature/properties/outputs/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs36 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data16.type !== undefined){
const _errs38 = errors;
if(typeof data16.type !== "string"){
validate11.errors = [{instancePath:instancePath+"/signature/outputs/" + i2+"/type",schemaPath:"#/properties/signature/properties/outputs/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs38 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data16.shape !== undefined){
let data19 = data16.shape;
const _errs40 = errors;
if(errors === _errs40){
if(Array.isArray(data19)){
var valid8 = true;
const len3 = data19.length;
for(let i3=0; i3<len3; i3++){
let data20 = data19[i3];
const _errs42 = errors;
if(((!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))) && (typeof data20 !== "string")) && (data20 !== null)){
validate11.errors = [{instancePath:instancePath+"/signature/outputs/" + i2+"/shape/" + i3,schemaPath:"#/properties/signature/properties/outputs/items/properties/shape/items/type",keyword:"type",params:{type: schema12.properties.signature.properties.outputs.items.properties.shape.items.type},message:"must be integer,string,null"}];
return false;
}
var valid8 = _errs42 === errors;
if(!valid8){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/signature/outputs/" + i2+"/shape",schemaPath:"#/properties/signature/properties/outputs/items/properties/shape/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid7 = _errs40 === errors;
}
else {
var valid7 = true;
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/signature/outputs/" + i2,schemaPath:"#/properties/signature/properties/outputs/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid6 = _errs34 === errors;
if(!valid6){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/signature/outputs",schemaPath:"#/properties/signature/properties/outputs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid2 = _errs32 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/signature",schemaPath:"#/properties/signature/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metrics !== undefined){
let data21 = data.metrics;
const _errs44 = errors;
if(errors === _errs44){
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key2 in data21){
let data22 = data21[key2];
const _errs47 = errors;
if(errors === _errs47){
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
let missing5;
if((data22.value === undefined) && (missing5 = "value")){
validate11.errors = [{instancePath:instancePath+"/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metrics/additionalProperties/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
if(data22.value !== undefined){
const _errs49 = errors;
if(!(typeof data22.value == "number")){
validate11.errors = [{instancePath:instancePath+"/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/properties/metrics/additionalProperties/properties/value/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid10 = _errs49 === errors;
}
else {
var valid10 = true;
}
if(valid10){
if(data22.ci !== undefined){
let data24 = data22.ci;
const _errs51 = errors;
if(errors === _errs51){
if(Array.isArray(data24)){
if(data24.length > 2){
validate11.errors = [{instancePath:instancePath+"/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/ci",schemaPath:"#/properties/metrics/additionalProperties/properties/ci/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"}];
return false;
}
else {
if(data24.length < 2){
validate11.errors = [{instancePath:instancePath+"/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/ci",schemaPath:"#/properties/metrics/additionalProperties/properties/ci/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"}];
return false;
}
else {
var valid11 = true;
const len4 = data24.length;
for(let i4=0; i4<len4; i4++){
const _errs53 = errors;
if(!(typeof data24[i4] == "number")){
validate11.errors = [{instancePath:instancePath+"/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/ci/" + i4,schemaPath:"#/properties/metrics/additionalProperties/properties/ci/items/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid11 = _errs53 === errors;
if(!valid11){
break;
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1")+"/ci",schemaPath:"#/properties/metrics/additionalProperties/properties/ci/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs51 === errors;
}
else {
var valid10 = true;
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/metrics/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metrics/additionalProperties/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid9 = _errs47 === errors;
if(!valid9){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs44 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.evaluation_data !== undefined){
let data26 = data.evaluation_data;
const _errs55 = errors;
if(errors === _errs55){
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
let missing6;
if((data26.sha256 === undefined) && (missing6 = "sha256")){
validate11.errors = [{instancePath:instancePath+"/evaluation_data",schemaPath:"#/properties/evaluation_data/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
if(data26.path !== undefined){
const _errs57 = errors;
if(typeof data26.path !== "string"){
validate11.errors = [{instancePath:instancePath+"/evaluation_data/path",schemaPath:"#/properties/evaluation_data/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid12 = _errs57 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data26.sha256 !== undefined){
let data28 = data26.sha256;
const _errs59 = errors;
if(errors === _errs59){
if(typeof data28 === "string"){
if(!pattern3.test(data28)){
validate11.errors = [{instancePath:instancePath+"/evaluation_data/sha256",schemaPath:"#/properties/evaluation_data/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/evaluation_data/sha256",schemaPath:"#/properties/evaluation_data/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid12 = _errs59 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data26.bytes !== undefined){
let data29 = data26.bytes;
const _errs61 = errors;
if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){
validate11.errors = [{instancePath:instancePath+"/evaluation_data/bytes",schemaPath:"#/properties/evaluation_data/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs61){
if(typeof data29 == "number"){
if(data29 < 0 || isNaN(data29)){
validate11.errors = [{instancePath:instancePath+"/evaluation_data/bytes",schemaPath:"#/properties/evaluation_data/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid12 = _errs61 === errors;
}
else {
var valid12 = true;
}
if(valid12){
if(data26.rows !== undefined){
let data30 = data26.rows;
const _errs63 = errors;
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
validate11.errors = [{instancePath:instancePath+"/evaluation_data/rows",schemaPath:"#/properties/evaluation_data/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs63){
if(typeof data30 == "number"){
if(data30 < 0 || isNaN(data30)){
validate11.errors = [{instancePath:instancePath+"/evaluation_data/rows",schemaPath:"#/properties/evaluation_data/properties/rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid12 = _errs63 === errors;
}
else {
var valid12 = true;
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/evaluation_data",schemaPath:"#/properties/evaluation_data/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs55 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.gates !== undefined){
let data31 = data.gates;
const _errs65 = errors;
if(errors === _errs65){
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
let missing7;
if(((data31.passed === undefined) && (missing7 = "passed")) || ((data31.results === undefined) && (missing7 = "results"))){
validate11.errors = [{instancePath:instancePath+"/gates",schemaPath:"#/properties/gates/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"}];
return false;
}
else {
if(data31.passed !== undefined){
const _errs67 = errors;
if(typeof data31.passed !== "boolean"){
validate11.errors = [{instancePath:instancePath+"/gates/passed",schemaPath:"#/properties/gates/properties/passed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid13 = _errs67 === errors;
}
else {
var valid13 = true;
}
if(valid13){
if(data31.results !== undefined){
let data33 = data31.results;
const _errs69 = errors;
if(errors === _errs69){
if(Array.isArray(data33)){
var valid14 = true;
const len5 = data33.length;
for(let i5=0; i5<len5; i5++){
let data34 = data33[i5];
const _errs71 = errors;
if(errors === _errs71){
if(data34 && typeof data34 == "object" && !Array.isArray(data34)){
let missing8;
if((((data34.gate === undefined) && (missing8 = "gate")) || ((data34.passed === undefined) && (missing8 = "passed"))) || ((data34.reason === undefined) && (missing8 = "reason"))){
validate11.errors = [{instancePath:instancePath+"/gates/results/" + i5,schemaPath:"#/properties/gates/properties/results/items/required",keyword:"required",params:{missingProperty: missing8},message:"must have required property '"+missing8+"'"}];
return false;
}
else {
if(data34.gate !== undefined){
const _errs73 = errors;
if(typeof data34.gate !== "string"){
validate11.errors = [{instancePath:instancePath+"/gates/results/" + i5+"/gate",schemaPath:"#/properties/gates/properties/results/items/properties/gate/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid15 = _errs73 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data34.passed !== undefined){
const _errs75 = errors;
if(typeof data34.passed !== "boolean"){
validate11.errors = [{instancePath:instancePath+"/gates/results/" + i5+"/passed",schemaPath:"#/properties/gates/properties/results/items/properties/passed/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid15 = _errs75 === errors;
}
else {
var valid15 = true;
}
if(valid15){
if(data34.reason !== undefined){
const _errs77 = errors;
if(typeof data34.reason !== "string"){
validate11.errors = [{instancePath:instancePath+"/gates/results/" + i5+"/reason",schemaPath:"#/properties/gates/properties/results/items/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid15 = _errs77 === errors;
}
else {
var valid15 = true;
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/gates/results/" + i5,schemaPath:"#/properties/gates/properties/results/items/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid14 = _errs71 === errors;
if(!valid14){
break;
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/gates/results",schemaPath:"#/properties/gates/properties/results/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid13 = _errs69 === errors;
}
else {
var valid13 = true;
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/gates",schemaPath:"#/properties/gates/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs65 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.params !== undefined){
let data38 = data.params;
const _errs79 = errors;
if(!(data38 && typeof data38 == "object" && !Array.isArray(data38))){
validate11.errors = [{instancePath:instancePath+"/params",schemaPath:"#/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs79 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.training_data !== undefined){
let data39 = data.training_data;
const _errs81 = errors;
if(errors === _errs81){
if(data39 && typeof data39 == "object" && !Array.isArray(data39)){
let missing9;
if((data39.sha256 === undefined) && (missing9 = "sha256")){
validate11.errors = [{instancePath:instancePath+"/training_data",schemaPath:"#/properties/training_data/required",keyword:"required",params:{missingProperty: missing9},message:"must have required property '"+missing9+"'"}];
return false;
}
else {
if(data39.path !== undefined){
const _errs83 = errors;
if(typeof data39.path !== "string"){
validate11.errors = [{instancePath:instancePath+"/training_data/path",schemaPath:"#/properties/training_data/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid16 = _errs83 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data39.sha256 !== undefined){
let data41 = data39.sha256;
const _errs85 = errors;
if(errors === _errs85){
if(typeof data41 === "string"){
if(!pattern3.test(data41)){
validate11.errors = [{instancePath:instancePath+"/training_data/sha256",schemaPath:"#/properties/training_data/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/training_data/sha256",schemaPath:"#/properties/training_data/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid16 = _errs85 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data39.bytes !== undefined){
let data42 = data39.bytes;
const _errs87 = errors;
if(!((typeof data42 == "number") && (!(data42 % 1) && !isNaN(data42)))){
validate11.errors = [{instancePath:instancePath+"/training_data/bytes",schemaPath:"#/properties/training_data/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs87){
if(typeof data42 == "number"){
if(data42 < 0 || isNaN(data42)){
validate11.errors = [{instancePath:instancePath+"/training_data/bytes",schemaPath:"#/properties/training_data/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid16 = _errs87 === errors;
}
else {
var valid16 = true;
}
if(valid16){
if(data39.rows !== undefined){
let data43 = data39.rows;
const _errs89 = errors;
if(!((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43)))){
validate11.errors = [{instancePath:instancePath+"/training_data/rows",schemaPath:"#/properties/training_data/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs89){
if(typeof data43 == "number"){
if(data43 < 0 || isNaN(data43)){
validate11.errors = [{instancePath:instancePath+"/training_data/rows",schemaPath:"#/properties/training_data/properties/rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid16 = _errs89 === errors;
}
else {
var valid16 = true;
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/training_data",schemaPath:"#/properties/training_data/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs81 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reference_profile !== undefined){
let data44 = data.reference_profile;
const _errs91 = errors;
if(errors === _errs91){
if(data44 && typeof data44 == "object" && !Array.isArray(data44)){
let missing10;
if((((((data44.path === undefined) && (missing10 = "path")) || ((data44.sha256 === undefined) && (missing10 = "sha256"))) || ((data44.bytes === undefined) && (missing10 = "bytes"))) || ((data44.data === undefined) && (missing10 = "data"))) || ((data44.rows === undefined) && (missing10 = "rows"))){
validate11.errors = [{instancePath:instancePath+"/reference_profile",schemaPath:"#/properties/reference_profile/required",keyword:"required",params:{missingProperty: missing10},message:"must have required property '"+missing10+"'"}];
return false;
}
else {
const _errs93 = errors;
for(const key3 in data44){
if(!(((((key3 === "path") || (key3 === "sha256")) || (key3 === "bytes")) || (key3 === "data")) || (key3 === "rows"))){
validate11.errors = [{instancePath:instancePath+"/reference_profile",schemaPath:"#/properties/reference_profile/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs93 === errors){
if(data44.path !== undefined){
let data45 = data44.path;
const _errs94 = errors;
if(errors === _errs94){
if(typeof data45 === "string"){
if(!pattern6.test(data45)){
validate11.errors = [{instancePath:instancePath+"/reference_profile/path",schemaPath:"#/properties/reference_profile/properties/path/pattern",keyword:"pattern",params:{pattern: "^profiles/[^/]+\\.json$"},message:"must match pattern \""+"^profiles/[^/]+\\.json$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/reference_profile/path",schemaPath:"#/properties/reference_profile/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid17 = _errs94 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data44.sha256 !== undefined){
let data46 = data44.sha256;
const _errs96 = errors;
if(errors === _errs96){
if(typeof data46 === "string"){
if(!pattern3.test(data46)){
validate11.errors = [{instancePath:instancePath+"/reference_profile/sha256",schemaPath:"#/properties/reference_profile/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/reference_profile/sha256",schemaPath:"#/properties/reference_profile/properties/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid17 = _errs96 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data44.bytes !== undefined){
let data47 = data44.bytes;
const _errs98 = errors;
if(!((typeof data47 == "number") && (!(data47 % 1) && !isNaN(data47)))){
validate11.errors = [{instancePath:instancePath+"/reference_profile/bytes",schemaPath:"#/properties/reference_profile/properties/bytes/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs98){
if(typeof data47 == "number"){
if(data47 < 0 || isNaN(data47)){
validate11.errors = [{instancePath:instancePath+"/reference_profile/bytes",schemaPath:"#/properties/reference_profile/properties/bytes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid17 = _errs98 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data44.data !== undefined){
const _errs100 = errors;
if(typeof data44.data !== "string"){
validate11.errors = [{instancePath:instancePath+"/reference_profile/data",schemaPath:"#/properties/reference_profile/properties/data/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid17 = _errs100 === errors;
}
else {
var valid17 = true;
}
if(valid17){
if(data44.rows !== undefined){
let data49 = data44.rows;
const _errs102 = errors;
if(!((typeof data49 == "number") && (!(data49 % 1) && !isNaN(data49)))){
validate11.errors = [{instancePath:instancePath+"/reference_profile/rows",schemaPath:"#/properties/reference_profile/properties/rows/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs102){
if(typeof data49 == "number"){
if(data49 < 0 || isNaN(data49)){
validate11.errors = [{instancePath:instancePath+"/reference_profile/rows",schemaPath:"#/properties/reference_profile/properties/rows/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid17 = _errs102 === errors;
}
else {
var valid17 = true;
}
}
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/reference_profile",schemaPath:"#/properties/reference_profile/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs91 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.lineage !== undefined){
let data50 = data.lineage;
const _errs104 = errors;
if(errors === _errs104){
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
const _errs106 = errors;
for(const key4 in data50){
if(!(((((key4 === "commit") || (key4 === "ref")) || (key4 === "run_url")) || (key4 === "pull_request")) || (key4 === "parent_version"))){
validate11.errors = [{instancePath:instancePath+"/lineage",schemaPath:"#/properties/lineage/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs106 === errors){
if(data50.commit !== undefined){
let data51 = data50.commit;
const _errs107 = errors;
if(errors === _errs107){
if(typeof data51 === "string"){
if(!pattern8.test(data51)){
validate11.errors = [{instancePath:instancePath+"/lineage/commit",schemaPath:"#/properties/lineage/properties/commit/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{7,64}$"},message:"must match pattern \""+"^[0-9a-f]{7,64}$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/lineage/commit",schemaPath:"#/properties/lineage/properties/commit/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid18 = _errs107 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data50.ref !== undefined){
const _errs109 = errors;
if(typeof data50.ref !== "string"){
validate11.errors = [{instancePath:instancePath+"/lineage/ref",schemaPath:"#/properties/lineage/properties/ref/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid18 = _errs109 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data50.run_url !== undefined){
const _errs111 = errors;
if(typeof data50.run_url !== "string"){
validate11.errors = [{instancePath:instancePath+"/lineage/run_url",schemaPath:"#/properties/lineage/properties/run_url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid18 = _errs111 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data50.pull_request !== undefined){
let data54 = data50.pull_request;
const _errs113 = errors;
if(!((typeof data54 == "number") && (!(data54 % 1) && !isNaN(data54)))){
validate11.errors = [{instancePath:instancePath+"/lineage/pull_request",schemaPath:"#/properties/lineage/properties/pull_request/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs113){
if(typeof data54 == "number"){
if(data54 < 1 || isNaN(data54)){
validate11.errors = [{instancePath:instancePath+"/lineage/pull_request",schemaPath:"#/properties/lineage/properties/pull_request/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid18 = _errs113 === errors;
}
else {
var valid18 = true;
}
if(valid18){
if(data50.parent_version !== undefined){
let data55 = data50.parent_version;
const _errs115 = errors;
if(errors === _errs115){
if(typeof data55 === "string"){
if(!pattern2.test(data55)){
validate11.errors = [{instancePath:instancePath+"/lineage/parent_version",schemaPath:"#/properties/lineage/properties/parent_version/pattern",keyword:"pattern",params:{pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"},message:"must match pattern \""+"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"+"\""}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/lineage/parent_version",schemaPath:"#/properties/lineage/properties/parent_version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid18 = _errs115 === errors;
}
else {
var valid18 = true;
}
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/lineage",schemaPath:"#/properties/lineage/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs104 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_at !== undefined){
let data56 = data.created_at;
const _errs117 = errors;
if(errors === _errs117){
if(typeof data56 === "string"){
if(func2(data56) < 1){
validate11.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/created_at",schemaPath:"#/properties/created_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs117 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.created_by !== undefined){
let data57 = data.created_by;
const _errs119 = errors;
if(errors === _errs119){
if(typeof data57 === "string"){
if(func2(data57) < 1){
validate11.errors = [{instancePath:instancePath+"/created_by",schemaPath:"#/properties/created_by/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/created_by",schemaPath:"#/properties/created_by/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs119 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.deprecated !== undefined){
let data58 = data.deprecated;
const _errs121 = errors;
if(errors === _errs121){
if(data58 && typeof data58 == "object" && !Array.isArray(data58)){
let missing11;
if(((data58.at === undefined) && (missing11 = "at")) || ((data58.by === undefined) && (missing11 = "by"))){
validate11.errors = [{instancePath:instancePath+"/deprecated",schemaPath:"#/properties/deprecated/required",keyword:"required",params:{missingProperty: missing11},message:"must have required property '"+missing11+"'"}];
return false;
}
else {
const _errs123 = errors;
for(const key5 in data58){
if(!(((key5 === "at") || (key5 === "by")) || (key5 === "reason"))){
validate11.errors = [{instancePath:instancePath+"/deprecated",schemaPath:"#/properties/deprecated/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs123 === errors){
if(data58.at !== undefined){
let data59 = data58.at;
const _errs124 = errors;
if(errors === _errs124){
if(typeof data59 === "string"){
if(func2(data59) < 1){
validate11.errors = [{instancePath:instancePath+"/deprecated/at",schemaPath:"#/properties/deprecated/properties/at/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate11.errors = [{instancePath:instancePath+"/deprecated/at",schemaPath:"#/properties/deprecated/properties/at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid19 = _errs124 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data58.by !== undefined){
const _errs126 = errors;
if(typeof data58.by !== "string"){
validate11.errors = [{instancePath:instancePath+"/deprecated/by",schemaPath:"#/properties/deprecated/properties/by/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid19 = _errs126 === errors;
}
else {
var valid19 = true;
}
if(valid19){
if(data58.reason !== undefined){
const _errs128 = errors;
if(typeof data58.reason !== "string"){
validate11.errors = [{instancePath:instancePath+"/deprecated/reason",schemaPath:"#/properties/deprecated/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid19 = _errs128 === errors;
}
else {
var valid19 = true;
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/deprecated",schemaPath:"#/properties/deprecated/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs121 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate11.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate11.errors = vErrors;
return errors === 0;
}

const stage = validate12;
const schema13 = {"type":"object","additionalProperties":false,"required":["schema","model","stage","version","promoted_at","promoted_by"],"properties":{"schema":{"const":"modelci/stage@1"},"model":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$"},"stage":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$"},"version":{"type":"string","pattern":"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"},"previous":{"type":"string","pattern":"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"},"promoted_at":{"type":"string","minLength":1},"promoted_by":{"type":"string","minLength":1},"reason":{"type":"string"},"run_url":{"type":"string"},"rollback":{"type":"boolean"}}};

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((((((data.schema === undefined) && (missing0 = "schema")) || ((data.model === undefined) && (missing0 = "model"))) || ((data.stage === undefined) && (missing0 = "stage"))) || ((data.version === undefined) && (missing0 = "version"))) || ((data.promoted_at === undefined) && (missing0 = "promoted_at"))) || ((data.promoted_by === undefined) && (missing0 = "promoted_by"))){
validate12.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func3.call(schema13.properties, key0))){
validate12.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.schema !== undefined){
const _errs2 = errors;
if("modelci/stage@1" !== data.schema){
validate12.errors = [{instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/const",keyword:"const",params:{allowedValue: "modelci/stage@1"},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
let data1 = data.model;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate12.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]*$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.stage !== undefined){
let data2 = data.stage;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data2 === "string"){
if(!pattern0.test(data2)){
validate12.errors = [{instancePath:instancePath+"/stage",schemaPath:"#/properties/stage/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]*$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/stage",schemaPath:"#/properties/stage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.version !== undefined){
let data3 = data.version;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data3 === "string"){
if(!pattern2.test(data3)){
validate12.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/pattern",keyword:"pattern",params:{pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"},message:"must match pattern \""+"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.previous !== undefined){
let data4 = data.previous;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data4 === "string"){
if(!pattern2.test(data4)){
validate12.errors = [{instancePath:instancePath+"/previous",schemaPath:"#/properties/previous/pattern",keyword:"pattern",params:{pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"},message:"must match pattern \""+"^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)$"+"\""}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/previous",schemaPath:"#/properties/previous/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.promoted_at !== undefined){
let data5 = data.promoted_at;
const _errs11 = errors;
if(errors === _errs11){
if(typeof data5 === "string"){
if(func2(data5) < 1){
validate12.errors = [{instancePath:instancePath+"/promoted_at",schemaPath:"#/properties/promoted_at/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/promoted_at",schemaPath:"#/properties/promoted_at/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.promoted_by !== undefined){
let data6 = data.promoted_by;
const _errs13 = errors;
if(errors === _errs13){
if(typeof data6 === "string"){
if(func2(data6) < 1){
validate12.errors = [{instancePath:instancePath+"/promoted_by",schemaPath:"#/properties/promoted_by/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate12.errors = [{instancePath:instancePath+"/promoted_by",schemaPath:"#/properties/promoted_by/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reason !== undefined){
const _errs15 = errors;
if(typeof data.reason !== "string"){
validate12.errors = [{instancePath:instancePath+"/reason",schemaPath:"#/properties/reason/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.run_url !== undefined){
const _errs17 = errors;
if(typeof data.run_url !== "string"){
validate12.errors = [{instancePath:instancePath+"/run_url",schemaPath:"#/properties/run_url/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.rollback !== undefined){
const _errs19 = errors;
if(typeof data.rollback !== "boolean"){
validate12.errors = [{instancePath:instancePath+"/rollback",schemaPath:"#/properties/rollback/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate12.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate12.errors = vErrors;
return errors === 0;
}


;// CONCATENATED MODULE: ./src/registry/record-file.ts






// The record schemas compiled at build time (scripts/validators.ts), not at every start.
const validators = { model: model, version: version, stage: stage };
function describe(err) {
    switch (err.keyword) {
        case 'additionalProperties':
            return `unknown key "${String(err.params.additionalProperty)}"`;
        case 'required':
            return `missing required key "${String(err.params.missingProperty)}"`;
        case 'const':
            return `must be ${JSON.stringify(err.params.allowedValue)}`;
        case 'enum':
            return `must be one of ${err.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'pattern':
            return `must match ${String(err.params.pattern)}`;
        case 'type':
            return `must be ${err.params.type === 'object' ? 'a mapping' : err.params.type === 'array' ? 'a list' : `a ${String(err.params.type)}`}`;
        default:
            return err.message ?? 'is invalid';
    }
}
/** Validates parsed data as a registry record; errors name the file and the key path. */
function validateRecord(kind, data, file) {
    const validate = validators[kind];
    if (data === null || typeof data !== 'object' || Array.isArray(data))
        throw new errors/* ModelciError */.wN('REGISTRY', `malformed ${kind} record: must be a mapping`, {
            file,
            hint: 'Restore the file from git history (git log -p -- <file>)',
        });
    if (!validate(data)) {
        const err = validate.errors[0];
        const path = (0,keypath/* pointerToKeyPath */.P)(err.instancePath);
        throw new errors/* ModelciError */.wN('REGISTRY', `malformed ${kind} record: ${describe(err)}`, {
            file,
            ...(path ? { path } : {}),
            hint: 'Restore the file from git history (git log -p -- <file>)',
        });
    }
    return data;
}
function readRecord(kind, file) {
    let data;
    try {
        data = (0,structured_file/* readStructuredFile */.Ut)(file);
    }
    catch (e) {
        if (e instanceof errors/* ModelciError */.wN && e.code === 'PARSE')
            throw new errors/* ModelciError */.wN('REGISTRY', `malformed ${kind} record: ${e.message}`, {
                ...e.where,
                hint: 'Restore the file from git history (git log -p -- <file>)',
            });
        throw e;
    }
    return validateRecord(kind, data, file);
}
/** YAML with a stable key order (schema first), so equal records are byte-equal files. */
function recordToYaml(record) {
    const { schema, ...rest } = record;
    return (0,dist/* stringify */.As)({ schema, ...(0,records/* canonical */.$N)(rest) }, { lineWidth: 0 });
}


/***/ }),

/***/ 7936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Me: () => (/* binding */ openRegistry),
/* harmony export */   qV: () => (/* binding */ parseModelRef)
/* harmony export */ });
/* unused harmony export Registry */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1979);
/* harmony import */ var _store_artifact_store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4523);
/* harmony import */ var _store_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4234);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7853);
/* harmony import */ var _record_file_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4128);









function parseModelRef(text) {
    const m = /^([^@#]+)([@#].*)?$/.exec(text.trim());
    if (!m)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('INPUT', `cannot read "${text.slice(0, 80)}" as a model reference`, {
            hint: 'Use <model>, <model>@<X.Y.Z> or <model>#<stage>',
        });
    return { model: (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkName */ .I3)(m[1]), ref: m[2] ?? 'latest' };
}
function listDir(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return [];
    }
}
/**
 * Reads a registry folder (`<root>/<model>/{model.yaml,versions/,stages/,profiles/}`). Reads are
 * cheap by design: listing uses directory names, `#stage` reads one pointer and one record.
 */
class Registry {
    opts;
    dir;
    constructor(dir, opts = {}) {
        this.opts = opts;
        this.dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir);
    }
    /** Model names, sorted: folders with a valid name that hold a model.yaml or versions. */
    listModels() {
        return listDir(this.dir)
            .filter((n) => (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidName */ .uV)(n))
            .filter((n) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.modelFile(this.dir, n)) || (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.versionsDir(this.dir, n)))
            .sort();
    }
    hasModel(name) {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.modelDir(this.dir, name));
    }
    /** model.yaml, or undefined when the model has none yet. */
    getModel(name) {
        const file = _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.modelFile(this.dir, name);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return undefined;
        const rec = (0,_record_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readRecord */ .aE)('model', file);
        if (rec.name !== name)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('REGISTRY', `malformed model record: name is "${rec.name}" in the folder of "${name}"`, { file, path: 'name' });
        return rec;
    }
    /** Version numbers, oldest first (file names only; no record is parsed). */
    listVersions(name) {
        return (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .sortVersions */ .M7)(listDir(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.versionsDir(this.dir, name))
            .filter((f) => f.endsWith('.yaml'))
            .map((f) => f.slice(0, -5)));
    }
    latestVersion(name) {
        const all = this.listVersions(name);
        return all[all.length - 1];
    }
    hasVersion(name, version) {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.versionFile(this.dir, name, version));
    }
    versionFile(name, version) {
        return _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.versionFile(this.dir, name, version);
    }
    getVersion(name, version) {
        const file = _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.versionFile(this.dir, name, version);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
            if (!this.hasModel(name))
                throw this.unknownModel(name);
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('REGISTRY', `model "${name}" has no version ${(0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkVersion */ .ps)(version)}`, {
                hint: `Known versions: ${this.listVersions(name).slice(-10).join(', ') || 'none'}`,
            });
        }
        const rec = (0,_record_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readRecord */ .aE)('version', file);
        if (rec.model !== name || rec.version !== (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkVersion */ .ps)(version))
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('REGISTRY', `malformed version record: it says ${rec.model}@${rec.version} but its file is ${name}@${version}`, { file, path: rec.model !== name ? 'model' : 'version' });
        return rec;
    }
    /** Stage names that have a pointer file. */
    listStageNames(name) {
        return listDir(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.stagesDir(this.dir, name))
            .filter((f) => f.endsWith('.yaml'))
            .map((f) => f.slice(0, -5))
            .filter(_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .isValidName */ .uV)
            .sort();
    }
    getStage(name, stage) {
        const file = _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.stageFile(this.dir, name, stage);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return undefined;
        const rec = (0,_record_file_js__WEBPACK_IMPORTED_MODULE_8__/* .readRecord */ .aE)('stage', file);
        if (rec.model !== name || rec.stage !== stage)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('REGISTRY', `malformed stage pointer: it says ${rec.model}#${rec.stage} but its file is ${name}#${stage}`, { file, path: rec.model !== name ? 'model' : 'stage' });
        return rec;
    }
    listStages(name) {
        const out = {};
        for (const s of this.listStageNames(name))
            out[s] = this.getStage(name, s);
        return out;
    }
    summary(name) {
        const versions = this.listVersions(name);
        const stages = {};
        for (const [s, p] of Object.entries(this.listStages(name)))
            stages[s] = p.version;
        return { name, versions, latest: versions[versions.length - 1], stages };
    }
    /** The version number a reference names: `@1.2.0`, `1.2.0`, `#production`, `latest`, `@latest`. */
    resolveVersion(name, ref) {
        (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkName */ .I3)(name);
        if (ref === 'latest' || ref === '@latest' || ref === '') {
            const v = this.latestVersion(name);
            if (!v)
                throw this.hasModel(name) ? this.noVersions(name) : this.unknownModel(name);
            return v;
        }
        if (ref.startsWith('#')) {
            const stage = (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkName */ .I3)(ref.slice(1), 'stage');
            const p = this.getStage(name, stage);
            if (!p) {
                if (!this.hasModel(name))
                    throw this.unknownModel(name);
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('REGISTRY', `stage ${stage} of "${name}" holds no version`, {
                    hint: `Promote a version first: modelci promote ${name} <version> --stage ${stage}`,
                });
            }
            return p.version;
        }
        return (0,_core_registry_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkVersion */ .ps)(ref.startsWith('@') ? ref.slice(1) : ref);
    }
    /** The version record a reference names. */
    resolve(name, ref) {
        return this.getVersion(name, this.resolveVersion(name, ref));
    }
    /** Path of the reference data profile of a version (the drift work writes it). */
    profilePath(name, version) {
        return _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .layout */ .Z.profileFile(this.dir, name, version);
    }
    /** A local path holding the record's artifact, after its sha256 was verified. */
    async readArtifact(record) {
        const key = {
            model: record.model,
            version: record.version,
            fileName: record.artifact.uri.split('/').pop() ?? 'artifact',
            sha256: record.artifact.sha256,
            bytes: record.artifact.bytes,
        };
        const store = (0,_store_index_js__WEBPACK_IMPORTED_MODULE_6__/* .storeForUri */ .x)(record.artifact.uri, {
            registryDir: this.dir,
            cacheDir: this.opts.cacheDir ?? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'modelci-artifacts'),
            ...(this.opts.github ? { github: this.opts.github } : {}),
            ...(this.opts.store ? { config: this.opts.store } : {}),
        });
        const path = await store.fetch(record.artifact.uri, key);
        await (0,_store_artifact_store_js__WEBPACK_IMPORTED_MODULE_5__/* .verifySha256 */ .nM)(path, record.artifact.sha256, `${record.model}@${record.version}`);
        return path;
    }
    unknownModel(name) {
        const known = this.listModels();
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('REGISTRY', `no model "${name}" in the registry`, {
            file: this.dir,
            hint: known.length
                ? `Known models: ${known.slice(0, 20).join(', ')}`
                : 'The registry is empty; register a model first',
        });
    }
    noVersions(name) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('REGISTRY', `model "${name}" has no versions yet`, {
            hint: `Register one: modelci register --model ${name} --artifact <file>`,
        });
    }
}
function openRegistry(dir, opts = {}) {
    return new Registry(dir, opts);
}


/***/ }),

/***/ 4523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ro: () => (/* binding */ fingerprintFile),
/* harmony export */   nM: () => (/* binding */ verifySha256)
/* harmony export */ });
/* unused harmony export sha256File */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
async function fingerprintFile(file) {
    let bytes;
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(file);
        if (!st.isFile())
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', 'not a regular file', { file });
        bytes = st.size;
    }
    catch (e) {
        if (e instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN)
            throw e;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('FILE', 'artifact not found', {
            file,
            hint: 'Check the path; the artifact is the trained model file (e.g. model.onnx)',
        });
    }
    return { sha256: await sha256File(file), bytes };
}
/** Throws unless the file's sha256 is the recorded one: every read goes through here. */
async function verifySha256(file, expected, what) {
    let actual;
    try {
        actual = await sha256File(file);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('REGISTRY', `artifact of ${what} is missing`, {
            file,
            hint: 'The store lost the file; restore it or register the model again',
        });
    }
    if (actual !== expected)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelciError */ .wN('REGISTRY', `sha256 mismatch for the artifact of ${what}: recorded ${expected.slice(0, 12)}…, found ${actual.slice(0, 12)}…`, { file, hint: 'The artifact was changed or corrupted after registration; do not deploy it' });
}


/***/ }),

/***/ 4234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ storeForUri),
  G: () => (/* binding */ storeForWrite)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/store/git-folder.ts



/**
 * Small models committed next to their record, content-addressed so racing writers never collide:
 * `git:<model>/artifacts/<sha256>/<file>`.
 */
class GitFolderStore {
    registryDir;
    maxBytes;
    scheme = 'git';
    constructor(registryDir, maxBytes = 10 * 1024 * 1024) {
        this.registryDir = registryDir;
        this.maxBytes = maxBytes;
    }
    async put(file, key) {
        if (key.bytes > this.maxBytes)
            throw new errors/* ModelciError */.wN('REGISTRY', `artifact is ${key.bytes} bytes, more than the git store's ${this.maxBytes}`, {
                file,
                hint: 'Use registry.store.type local or github-release for large models, or raise registry.store.max_bytes',
            });
        const rel = `${key.model}/artifacts/${key.sha256}/${key.fileName}`;
        const dest = this.path(`git:${rel}`);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(dest), { recursive: true });
        (0,external_node_fs_.copyFileSync)(file, dest);
        return `git:${rel}`;
    }
    async fetch(uri) {
        return this.path(uri);
    }
    path(uri) {
        const rel = uri.slice('git:'.length);
        const root = (0,external_node_path_.resolve)(this.registryDir);
        const full = (0,external_node_path_.resolve)(root, rel);
        if (!full.startsWith(root + external_node_path_.sep))
            throw new errors/* ModelciError */.wN('REGISTRY', `artifact uri "${uri}" points outside the registry`);
        return (0,external_node_path_.join)(full);
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/store/github-release.ts





/** Assets of one release, content-addressed: `github-release:<owner>/<repo>/<tag>/<asset>`. */
class GitHubReleaseStore {
    opts;
    scheme = 'github-release';
    constructor(opts) {
        this.opts = opts;
    }
    get repo() {
        const [owner, repo] = this.opts.repository.split('/');
        return { owner: owner, repo: repo };
    }
    async release(tag, create) {
        const { client } = this.opts;
        try {
            const { data } = await client.rest.repos.getReleaseByTag({ ...this.repo, tag });
            return data;
        }
        catch (e) {
            if (e.status !== 404 || !create)
                throw githubError(e, tag);
        }
        try {
            const { data } = await client.rest.repos.createRelease({
                ...this.repo,
                tag_name: tag,
                name: 'modelci artifacts',
                body: 'Model artifacts of the modelci registry. Do not edit: records verify sha256.',
                prerelease: true,
            });
            return data;
        }
        catch (e) {
            throw githubError(e, tag);
        }
    }
    async put(file, key) {
        const { client } = this.opts;
        const tag = this.opts.tag;
        const name = `${key.model}-${key.sha256.slice(0, 16)}-${key.fileName}`.replace(/[^\w.-]/g, '_');
        const rel = await this.release(tag, true);
        const { data: assets } = await client.rest.repos.listReleaseAssets({
            ...this.repo,
            release_id: rel.id,
            per_page: 100,
        });
        // Content-addressed name: an asset that exists already holds these bytes (verified on read).
        if (!assets.some((a) => a.name === name)) {
            try {
                // The release's upload_url names the upload host (uploads.github.com on github.com, the
                // /api/uploads path on GitHub Enterprise): use it rather than a fixed host.
                await client.request({
                    method: 'POST',
                    url: rel.upload_url,
                    name,
                    data: (0,external_node_fs_.readFileSync)(file),
                    headers: { 'content-type': 'application/octet-stream' },
                });
            }
            catch (e) {
                throw githubError(e, tag);
            }
        }
        return `github-release:${this.opts.repository}/${tag}/${name}`;
    }
    async fetch(uri, key) {
        const m = /^github-release:([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
        if (!m)
            throw new errors/* ModelciError */.wN('REGISTRY', `malformed artifact uri "${uri}"`);
        const [, owner, repo, tag, name] = m;
        const { client } = this.opts;
        try {
            const { data: rel } = await client.rest.repos.getReleaseByTag({ owner, repo, tag });
            const asset = rel.assets.find((a) => a.name === name);
            if (!asset)
                throw new errors/* ModelciError */.wN('REGISTRY', `release asset "${name}" is missing from release ${tag}`, {
                    hint: 'The asset was deleted; register the model again',
                });
            const res = await client.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
                owner,
                repo,
                asset_id: asset.id,
                headers: { accept: 'application/octet-stream' },
            });
            const dir = (0,external_node_path_.join)(this.opts.cacheDir, key.model, key.sha256);
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            const dest = (0,external_node_path_.join)(dir, name);
            const body = res.data;
            const buf = body instanceof ArrayBuffer
                ? Buffer.from(body)
                : Buffer.isBuffer(body)
                    ? body
                    : Buffer.from(String(body));
            await (0,promises_.pipeline)(external_node_stream_.Readable.from([buf]), (0,external_node_fs_.createWriteStream)(dest));
            return dest;
        }
        catch (e) {
            if (e instanceof errors/* ModelciError */.wN)
                throw e;
            throw githubError(e, tag);
        }
    }
}
function githubError(e, tag) {
    const status = e.status;
    return new errors/* ModelciError */.wN('GITHUB', `release ${tag}: GitHub answered ${status ?? ''} ${e.message}`.replace(/\s+/g, ' '), {
        hint: status === 403 || status === 401
            ? 'The job needs `contents: write` permission to store release assets'
            : 'Check the repository and token',
    });
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/store/local-folder.ts




/** A folder (a shared mount, a cache), content-addressed: `file:///<root>/<model>/<sha256>/<file>`. */
class LocalFolderStore {
    root;
    scheme = 'file';
    constructor(root) {
        this.root = root;
    }
    async put(file, key) {
        if (!this.root)
            throw new errors/* ModelciError */.wN('CONFIG', 'the local store needs a folder', {
                path: 'registry.store.path',
                hint: 'Set registry.store.path in modelci.yaml',
            });
        const dest = (0,external_node_path_.join)((0,external_node_path_.resolve)(this.root), key.model, key.sha256, key.fileName);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(dest), { recursive: true });
        (0,external_node_fs_.copyFileSync)(file, dest);
        return (0,external_node_url_.pathToFileURL)(dest).href;
    }
    async fetch(uri) {
        return (0,external_node_url_.fileURLToPath)(uri);
    }
}

;// CONCATENATED MODULE: ./src/store/index.ts




function githubStore(ctx, repository, tag) {
    const repo = repository ?? ctx.config?.repository ?? ctx.github?.repository;
    if (!ctx.github || !repo)
        throw new errors/* ModelciError */.wN('CONFIG', 'the github-release store needs a token and a repository', {
            path: 'registry.store',
            hint: 'Pass a token (GITHUB_TOKEN) and set registry.store.repository or GITHUB_REPOSITORY',
        });
    return new GitHubReleaseStore({
        client: ctx.github.client,
        repository: repo,
        tag: tag ?? ctx.config?.release_tag ?? 'modelci-artifacts',
        cacheDir: ctx.cacheDir,
    });
}
/** The store new artifacts go to, from `registry.store`. */
function storeForWrite(ctx) {
    const type = ctx.config?.type ?? 'git';
    if (type === 'git')
        return new GitFolderStore(ctx.registryDir, ctx.config?.max_bytes);
    if (type === 'local')
        return new LocalFolderStore(ctx.config?.path);
    return githubStore(ctx);
}
/** The store that can read `uri`, by its scheme. */
function storeForUri(uri, ctx) {
    const scheme = uri.slice(0, uri.indexOf(':'));
    if (scheme === 'git')
        return new GitFolderStore(ctx.registryDir);
    if (scheme === 'file')
        return new LocalFolderStore();
    if (scheme === 'github-release') {
        const m = /^github-release:([^/]+\/[^/]+)\/([^/]+)\//.exec(uri);
        return githubStore(ctx, m?.[1], m?.[2]);
    }
    throw new errors/* ModelciError */.wN('REGISTRY', `no artifact store reads "${scheme}:" uris`, {
        hint: 'Known schemes: git, file, github-release',
    });
}


/***/ })

};
