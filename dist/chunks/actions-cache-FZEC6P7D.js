import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a,b}from"./chunk-HPLR3IFH.js";import"./chunk-E24SOUZY.js";import"./chunk-VIILNT22.js";import"./chunk-O7GNKCVK.js";import"./chunk-HW5XXTOA.js";export{a as actionsCacheAvailable,b as createActionsCache};
