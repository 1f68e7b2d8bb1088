import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var o="0.1.0";export{o as a};
