import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{mkdirSync as t,writeFileSync as e}from"node:fs";import{dirname as n}from"node:path";function u(r,i){t(n(r),{recursive:!0}),e(r,i)}export{u as a};
