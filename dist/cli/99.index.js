export const id = 99;
export const ids = [99];
export const modules = {

/***/ 8675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   profileCommand: () => (/* binding */ profileCommand)
/* harmony export */ });
/* harmony import */ var _commands_drift_performance_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(662);
/* harmony import */ var _commands_profile_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8919);
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3567);
/* harmony import */ var _drift_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4390);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);





const usageError = (message) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelciError */ .wN('USAGE', message);
const profileCommand = {
    name: 'profile',
    summary: 'Build a mergeable reference profile of a data file, or merge shard profiles',
    usage: [
        'Usage: modelci profile <data> -o <profile.json> [--sketch-size <k>]',
        '       modelci profile merge <a.json> <b.json> [...] -o <all.json>',
        '',
        'A profile holds, per column: type, counts, missing rate, a quantile sketch (exact up to k values,',
        'then within a tracked rank error), a histogram on reference deciles and category counts.',
        'Profiles of shards merge into the profile of the whole (counts identical).',
        '',
        'Performance drift: --label <column> with --prediction <column> and/or --score <column>',
        '(binary positive-class probability), --task binary|multiclass|regression, also summarises',
        "evaluate's metrics on the labelled rows (mergeable like the rest).",
    ].join('\n'),
    allowPositionals: true,
    options: {
        output: { type: 'string', short: 'o' },
        'sketch-size': { type: 'string' },
        ..._drift_js__WEBPACK_IMPORTED_MODULE_2__.performanceOptions,
    },
    async run(args, io) {
        const output = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .stringOpt */ .rJ)(args, 'output');
        if (!output)
            throw usageError('-o <file> is required');
        const [first, ...rest] = args.positionals;
        if (first === 'merge') {
            const r = (0,_commands_profile_js__WEBPACK_IMPORTED_MODULE_1__/* .runProfileMerge */ .nV)({ inputs: rest, output });
            io.stderr(`modelci profile: merged ${rest.length} profiles (${r.rows} rows) into ${output}\n`);
            return 0;
        }
        if (!first || rest.length)
            throw usageError('pass exactly one data file (or `merge` and profile files)');
        const size = (0,_command_js__WEBPACK_IMPORTED_MODULE_4__/* .stringOpt */ .rJ)(args, 'sketch-size');
        if (size !== undefined && (!/^\d+$/.test(size) || Number(size) < 2 || Number(size) % 2))
            throw usageError(`--sketch-size must be an even whole number (got "${size}")`);
        const progress = (0,_drift_js__WEBPACK_IMPORTED_MODULE_2__.progressPrinter)(io);
        const opts = { data: first, output };
        if (size !== undefined)
            opts.sketchSize = Number(size);
        if (progress)
            opts.onProgress = progress;
        const performance = (0,_commands_drift_performance_js__WEBPACK_IMPORTED_MODULE_0__/* .performanceSpecFor */ .V)({}, {}, (0,_drift_js__WEBPACK_IMPORTED_MODULE_2__.performanceFlagsOf)(args));
        if (performance)
            opts.performance = performance;
        const r = await (0,_commands_profile_js__WEBPACK_IMPORTED_MODULE_1__/* .runProfile */ .Tm)(opts);
        if (progress)
            io.stderr('\r\x1b[2K');
        io.stderr(`modelci profile: ${r.rows} rows, ${r.columns.length} columns -> ${output}\n`);
        return 0;
    },
};


/***/ })

};
