import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a}from"./chunk-F2TYJW56.js";import"./chunk-VIIOMACD.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";export{a as removeZipMap};
