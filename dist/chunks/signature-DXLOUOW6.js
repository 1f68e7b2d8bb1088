import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a,b,c,d}from"./chunk-2BOLIN3L.js";import"./chunk-VIIOMACD.js";import"./chunk-RBGKVQBS.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";export{c as parseOnnxModelInfo,b as readOnnxModelInfo,a as readOnnxSignature,d as typeName};
