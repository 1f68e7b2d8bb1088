import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var e="modelci/evaluation-report@1";export{e as a};
