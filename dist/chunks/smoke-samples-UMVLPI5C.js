import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as s}from"./chunk-GEBBD5VT.js";import"./chunk-NVTIHZRI.js";import"./chunk-A2VH3TKQ.js";import"./chunk-RBGKVQBS.js";import{g as i}from"./chunk-EN7KG4JZ.js";import{a as n}from"./chunk-ZHPMHR7H.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";async function g(a,m,p){let t=await s.load({name:"smoke",version:"record",file:a});try{let e=[];for(let o of m){let u=i({inputs:o},t.signature),c=await t.infer(u);e.push(JSON.stringify({inputs:o,outputs:Object.fromEntries(c.map(r=>[r.name,r.data]))}))}return n(p,e.join(`
`)+`
`),e.length}finally{await t.dispose()}}export{g as recordSmokeSamples};
