import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as o}from"./chunk-MMVF6GUW.js";import"./chunk-ER5J3XQH.js";import{a as n}from"./chunk-SKDNVIKC.js";import"./chunk-NKP5SXBT.js";import"./chunk-EAPGXI74.js";import"./chunk-PFVAO6GA.js";import"./chunk-6PMKWZQP.js";import"./chunk-O4REE4A6.js";import"./chunk-TM3CYDMD.js";import"./chunk-DUMIJTLN.js";import"./chunk-TUYC4ILU.js";import"./chunk-5FJLFMRD.js";import"./chunk-X4J5SMX4.js";import"./chunk-ZQZRNY4O.js";import"./chunk-XESWNZN2.js";import"./chunk-GYREJJ6F.js";import"./chunk-FEOTDM5V.js";import"./chunk-4GE2BU5T.js";import"./chunk-24GNZG5P.js";import"./chunk-75LURXHQ.js";import"./chunk-V5ZQHLUM.js";import"./chunk-GCC2JMBC.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";var l={spec:n,async run(t,s,i){let e=await o(t,i),r=t.values.model;t.values.json?s.stdout(JSON.stringify(e,null,2)+`
`):(s.stdout(`${e.version}
`),s.stderr(e.status==="unchanged"?`${r} ${e.version}: already registered (${e.reason}); nothing written
`:`registered ${r} ${e.version} (${e.reason})${e.pushed?`, pushed after ${e.attempts} attempt(s)`:""}
`))}};export{l as registerCommand};
