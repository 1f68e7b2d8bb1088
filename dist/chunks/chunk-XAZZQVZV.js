import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
