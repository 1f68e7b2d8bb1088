import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a}from"./chunk-BDVH2OUS.js";import"./chunk-HW5XXTOA.js";export default a();
