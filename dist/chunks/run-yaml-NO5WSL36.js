import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as t}from"./chunk-EIEVJARL.js";import{d as i}from"./chunk-HW5XXTOA.js";var n=i(t(),1);function o(r){return(0,n.stringify)(r,{lineWidth:0})}export{o as runYaml};
