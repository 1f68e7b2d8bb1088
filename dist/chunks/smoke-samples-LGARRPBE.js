import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as i}from"./chunk-ZQD4H36W.js";import"./chunk-2TPAIOGY.js";import{e as n}from"./chunk-O4REE4A6.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";import{writeFileSync as c}from"node:fs";async function g(s,a,m){let t=await i.load({name:"smoke",version:"record",file:s});try{let e=[];for(let o of a){let p=n({inputs:o},t.signature),u=await t.infer(p);e.push(JSON.stringify({inputs:o,outputs:Object.fromEntries(u.map(r=>[r.name,r.data]))}))}return c(m,e.join(`
`)+`
`),e.length}finally{await t.dispose()}}export{g as recordSmokeSamples};
