import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{f as a,g as b,h as c,i as d}from"./chunk-KGCHAU5F.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";export{c as parseOnnxModelInfo,b as readOnnxModelInfo,a as readOnnxSignature,d as typeName};
