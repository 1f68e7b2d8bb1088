import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a,b,c}from"./chunk-5SRVA5WL.js";import"./chunk-ZBCNZAV6.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";export{a as metricsFrom,c as runMetric,b as runMetrics};
