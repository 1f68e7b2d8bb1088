import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{b as o,e as t}from"./chunk-44OJCFUM.js";import{d as r}from"./chunk-HW5XXTOA.js";var e=r(o(),1);function a(n){let i=new t().getAgentDispatcher(n);return(async(c,s)=>(0,e.fetch)(c,{...s,dispatcher:i}))}export{a as proxiedFetch};
