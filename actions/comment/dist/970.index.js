export const id = 970;
export const ids = [970];
export const modules = {

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


/***/ })

};
