import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{h as a,i as b,j as c}from"./chunk-WAMGWVJT.js";import"./chunk-DQCQFLGW.js";import"./chunk-XVJ6D3E6.js";import"./chunk-GHXFC5K7.js";import"./chunk-EIEVJARL.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";export{b as Registry,c as openRegistry,a as parseModelRef};
