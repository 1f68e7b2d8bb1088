import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as e}from"./chunk-LELQE3LJ.js";import{readFileSync as o}from"node:fs";function i(r){try{return o(r)}catch(t){throw new e("FILE",`cannot read model file: ${t.message}`,{file:r,hint:"Check the path"})}}export{i as a};
