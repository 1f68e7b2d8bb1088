import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a}from"./chunk-HZHE4LXN.js";import"./chunk-PVXSW7HO.js";import"./chunk-HW5XXTOA.js";export{a as registrySettings};
