import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a,b}from"./chunk-NVTIHZRI.js";import"./chunk-A2VH3TKQ.js";import"./chunk-RBGKVQBS.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";export{b as checkOnnxLoads,a as createSession};
